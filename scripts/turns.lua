-- wrk script for full turns: wrk -tT -c64 -s scripts/turns.lua with the
-- session ids, one per line, in the SESSIONS file and T in THREADS (default 2).
-- Each thread owns an equal slice of the sessions and rotates over them, one
-- request per session in turn, so that a session's questions go in order and
-- a session is not asked twice at once unless a request is 1/T of the
-- connections slower than the others (then the session lock orders them, as
-- it would for a visitor's double post). With THREADS=64 and 64 sessions,
-- each connection keeps its own session (the older setup; 64 client threads
-- on 2 cores cost the client ~2.5x the CPU per request of -t2, which MEASURING.md
-- and the issue's reference figures use).
--
-- The requests are formatted once per thread, and there is deliberately no
-- response() callback: with one, wrk hands every response's headers and body to
-- Lua, which cost the client ~25 CPU-µs per turn (more than a third of its
-- work) and so lowered the turns/healthz ratio for a reason outside the
-- server. Failures are still counted: wrk prints "Non-2xx or 3xx responses"
-- and "Socket errors", which the bench scripts treat as errors.
local ids = {}
for line in io.lines(os.getenv("SESSIONS")) do ids[#ids + 1] = line end
local questions = {
  "Where did he study?", "What is his current role?", "Does he know Java?",
  "What awards has he won?", "When was that?", "Tell me more", "What languages does he speak?",
  "Which projects has he worked on?",
}
local threads = tonumber(os.getenv("THREADS") or "2")
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end
function init(args)
  n = 0
  reqs = {}
  local k = math.max(1, math.floor(#ids / threads))
  for qi, q in ipairs(questions) do
    for s = 1, k do
      local id = ids[((tid * k + s - 1) % #ids) + 1]
      reqs[#reqs + 1] = wrk.format("POST", "/v1/sessions/" .. id .. "/messages",
        {["Content-Type"] = "application/json"}, '{"text": "' .. q .. '"}')
    end
  end
end
function request()
  n = n + 1
  return reqs[((n - 1) % #reqs) + 1]
end
