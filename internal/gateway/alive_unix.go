//go:build unix

package gateway

import (
	"errors"
	"net"
	"syscall"

	"github.com/panjf2000/gnet/v2"
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

// connAlive is alive for a connection on the loop engine.
func connAlive(c gnet.Conn) bool {
	var b [1]byte
	_, _, err := syscall.Recvfrom(c.Fd(), b[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
	return errors.Is(err, syscall.EAGAIN)
}
