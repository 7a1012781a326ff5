package gateway

import (
	"context"
	"errors"
	"net/netip"
	"time"

	"github.com/panjf2000/gnet/v2"

	"github.com/parleyhq/parley/internal/ratelimit"
)

// loopExchange is one request on the loop, from its edge checks to the
// end of its answer: the attempts (balancer, breaker, retry budget, as
// exchangeNative runs them), the upstream connection of the current one,
// and what is added to the answer.
type loopExchange struct {
	cl    *loopClient
	rt    *route
	r     loopReq // slices of cl.in, valid until the exchange ends
	n     int     // the request's length in cl.in
	out   outbound
	start time.Time
	close bool   // the client asked to close after this answer
	rl    []byte // RateLimit-* fields for the answer

	handOver bool // edge: the request needs the default engine

	a        attempts
	began    bool // a holds a breaker ticket
	t        *target
	up       *loopUp
	buf      []byte // the outbound request of the current attempt
	sent     time.Time
	deadline time.Time
	got      bool // a byte of the current attempt's answer arrived
	headSent bool // the answer's header went to the client
	status   int
}

// edge runs the rate limit and the bearer check on the loop. It returns
// false when the request was answered here, or, with ex.handOver, when
// its token needs a key the loop has not got (a JWKS fetch would block).
func (ex *loopExchange) edge(r *loopReq) bool {
	rt, cl := ex.rt, ex.cl
	authz := b2s(r.in.authz)
	if rt.auth != nil && !rt.auth.loopReady(authz, ex.start) {
		ex.handOver = true
		return false
	}
	if l := rt.limit; l != nil {
		var buf [128]byte
		key := l.appendKey(buf[:0], authz, func() netip.Addr {
			return l.resolver.ClientIPFrom(cl.peer, func() []string { return fieldValues(r.fields, "x-forwarded-for") })
		})
		res, err := l.mem.AllowAt(key, l.limit, ex.start)
		if !l.judge(loopCtx, err) {
			ex.rl = l.appendFields(ex.rl, res)
			if !res.Allowed {
				err := refusal(res)
				cl.answerProblem(ex, problem{Status: edgeStatus(err), Detail: publicMessage(err)}, ex.rl)
				return false
			}
		}
	}
	if rt.auth != nil {
		if _, err := rt.auth.checkBearerSlow(loopCtx, authz, ex.start); err != nil {
			status := edgeStatus(err)
			extra := ex.rl
			if status == 401 {
				extra = append(extra, "Www-Authenticate: Bearer error=\"invalid_token\"\r\n"...)
			}
			cl.answerProblem(ex, problem{Status: status, Detail: publicMessage(err)}, extra)
			return false
		}
	}
	return true
}

// appendFields is writeFields as header lines.
func (l *routeLimit) appendFields(b []byte, res ratelimit.Result) []byte {
	b = append(b, "Ratelimit-Limit: "...)
	b = append(b, l.limitField...)
	b = append(b, "\r\nRatelimit-Remaining: "...)
	b = ratelimit.AppendRemaining(b, res)
	b = append(b, "\r\nRatelimit-Reset: "...)
	b = ratelimit.AppendReset(b, res)
	b = append(b, "\r\nRatelimit-Policy: "...)
	b = append(b, l.policyField...)
	b = append(b, "\r\n"...)
	if !res.Allowed {
		b = append(b, "Retry-After: "...)
		b = ratelimit.AppendRetryAfter(b, res)
		b = append(b, "\r\n"...)
	}
	return b
}

// begin starts the attempts.
func (ex *loopExchange) begin() {
	a, err := ex.rt.transport.begin()
	if err != nil {
		ex.fail(err)
		return
	}
	ex.a, ex.began = a, true
	ex.cl.e.sent.Add(1)
	ex.attempt()
}

// attempt sends the request to the next target.
func (ex *loopExchange) attempt() {
	t := ex.a.next()
	if t == nil {
		ex.fail(ex.a.noTarget())
		return
	}
	ex.t, ex.got = t, false
	t.outstanding.Add(1)
	ex.sent = time.Now()
	ex.deadline = ex.sent.Add(ex.rt.transport.timeout)
	host := t.url.Host
	if *ex.rt.pool.cfg.PreserveHost {
		host = b2s(ex.r.host) // appended at once
	}
	ex.buf = ex.appendRequest(ex.buf[:0], host)
	ex.cl.e.send(ex, t.url.Host)
}

// attemptFailed ends the current attempt without an answer: another
// target is tried when the rules allow, else the client gets a problem.
func (ex *loopExchange) attemptFailed(err error, retryable bool) {
	ex.t.outstanding.Add(-1)
	ex.up = nil
	if ex.a.again(ex.t, true, retryable && ex.out.idempotent) {
		ex.attempt()
		return
	}
	ex.fail(err)
}

// fail answers the client with err's problem (no answer header sent yet).
func (ex *loopExchange) fail(err error) {
	status, detail := proxyStatus(err)
	ex.rt.logger.Warn("proxy error", "route", ex.rt.cfg.Name, "upstream", ex.rt.pool.name, "status", status, "err", err)
	cl := ex.cl
	cl.answerProblem(ex, problem{Status: status, Detail: detail}, nil)
	cl.ex = nil
	cl.afterExchange()
}

// finish ends the exchange after its answer's last byte: the upstream
// connection goes back to the idle pool when keep says it may.
func (ex *loopExchange) finish(keep bool) {
	ex.t.outstanding.Add(-1)
	if up := ex.up; up != nil {
		up.ex, ex.up = nil, nil
		if keep {
			ex.cl.e.putIdle(up)
		} else {
			_ = up.c.Close()
		}
	}
	ex.cl.done(ex)
}

// abandon is the client's going away mid-exchange.
func (ex *loopExchange) abandon() {
	if up := ex.up; up != nil {
		up.ex, ex.up = nil, nil
		if up.c != nil {
			_ = up.c.Close()
		}
		up.stopSlow()
	}
	if ex.began && ex.t != nil {
		ex.t.outstanding.Add(-1)
		if !ex.headSent {
			ex.a.again(ex.t, false, false) // the breaker's ticket back
		}
	}
}

// tick enforces the route timeout until the answer's header is in.
func (ex *loopExchange) tick(now time.Time) {
	if up := ex.up; up != nil && up.waiting && ex.cl.c.OutboundBuffered() <= loopLowWater {
		up.waiting = false
		up.resume <- true // the client has drained: the slow reader goes on
	}
	if ex.headSent || ex.t == nil || ex.up == nil || now.Before(ex.deadline) {
		return
	}
	up := ex.up
	up.ex = nil
	if up.c != nil {
		_ = up.c.Close()
	}
	ex.attemptFailed(errRouteTimeout, true)
}

// errUpstreamClosed is an upstream connection that ended before the
// answer did.
var errUpstreamClosed = errors.New("upstream closed the connection")

// loopAddr is an upstream address dialed by gnet's worker (a name is
// resolved there, off the loop).
type loopAddr string

func (a loopAddr) Network() string { return "tcp" }
func (a loopAddr) String() string  { return string(a) }

// send writes ex.buf on an idle connection to addr, or on a new one.
func (e *loopEngine) send(ex *loopExchange, addr string) {
	if up := e.takeIdle(addr, ex.sent); up != nil {
		up.ex, up.reused, up.inBody = ex, true, false
		ex.up = up
		_, _ = up.c.Write(ex.buf) // a failure shows as OnClose
		return
	}
	up := &loopUp{addr: addr, ex: ex}
	ex.up = up
	e.sendFresh(up)
}

// sendFresh dials up.addr for up.ex, registering the connection on the
// loop; the request goes out from upOpened.
func (e *loopEngine) sendFresh(up *loopUp) {
	l := up.ex.cl.c.EventLoop()
	res, err := l.Register(gnet.NewContext(loopCtx, loopDial{up}), loopAddr(up.addr))
	if err != nil {
		e.dialFailed(up, err)
		return
	}
	go func() {
		if r := <-res; r.Err != nil {
			_ = l.Execute(loopCtx, gnet.RunnableFunc(func(context.Context) error {
				e.dialFailed(up, r.Err)
				return nil
			}))
		}
	}()
}

// upOpened is a dialed connection's start: the request goes out.
func (e *loopEngine) upOpened(up *loopUp, c gnet.Conn) {
	up.c = c
	if up.ex == nil {
		e.putIdle(up) // its request was abandoned meanwhile
		return
	}
	_, _ = c.Write(up.ex.buf)
}

func (e *loopEngine) dialFailed(up *loopUp, err error) {
	if ex := up.ex; ex != nil && ex.up == up {
		up.ex = nil
		ex.attemptFailed(err, true)
	}
}
