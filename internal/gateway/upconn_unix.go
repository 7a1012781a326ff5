//go:build unix

package gateway

import "syscall"

const rawExchangeSupported = true

// exchange is upConn's RawConn.Read callback: on the first call it sends
// the kept request (the runtime has just cleared the socket's readiness)
// and asks to wait; on the next, the answer has arrived.
func (u *upConn) exchange(fd uintptr) bool {
	for u.sent < len(u.buf) {
		n, err := syscall.Write(int(fd), u.buf[u.sent:])
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			return true // Read finishes the send the ordinary way
		case err != nil:
			u.werr = err
			return true
		}
		u.sent += n
		if u.sent == len(u.buf) {
			return false // wait for the answer
		}
	}
	for {
		n, err := syscall.Read(int(fd), u.p)
		switch err {
		case syscall.EINTR:
			continue
		case syscall.EAGAIN:
			u.empty++
			return false
		}
		if n < 0 {
			n = 0
		}
		u.n, u.rerr = n, err
		return true
	}
}
