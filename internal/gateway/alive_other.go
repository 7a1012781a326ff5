//go:build !unix

package gateway

import (
	"net"

	"github.com/panjf2000/gnet/v2"
)

// alive cannot peek without blocking here; a stale connection is then
// caught by the retry of requests without a body.
func alive(net.Conn) bool { return true }

// connAlive is alive for a connection on the loop engine.
func connAlive(gnet.Conn) bool { return true }
