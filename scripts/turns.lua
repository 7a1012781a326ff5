-- wrk script: run with as many threads as connections (-t64 -c64) so that each
-- connection posts to its own session (a visitor's turns are sequential), cycling
-- through a list of questions. Sessions are read from the SESSIONS file.
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
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end
function init(args)
  n = 0
  reqs = {}
  local id = ids[(tid % #ids) + 1]
  for i, q in ipairs(questions) do
    reqs[i] = wrk.format("POST", "/v1/sessions/" .. id .. "/messages",
      {["Content-Type"] = "application/json"}, '{"text": "' .. q .. '"}')
  end
end
function request()
  n = n + 1
  return reqs[(n % #reqs) + 1]
end
