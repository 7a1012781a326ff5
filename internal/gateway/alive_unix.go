//go:build unix

package gateway

import (
	"errors"
	"net"
	"syscall"
)

// alive reports whether an idle connection is still open and quiet: a
// non-blocking peek sees EAGAIN. EOF means the upstream closed it; bytes
// mean it sent something unasked (also unusable).
func alive(nc net.Conn) bool {
	sc, ok := nc.(syscall.Conn)
	if !ok {
		return true
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	ok = false
	var b [1]byte
	err = rc.Read(func(fd uintptr) bool {
		_, _, e := syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		ok = errors.Is(e, syscall.EAGAIN)
		return true
	})
	return err == nil && ok
}
