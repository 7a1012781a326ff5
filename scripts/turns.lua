-- wrk script: run with as many threads as connections (-t64 -c64) so that each
-- connection posts to its own session (a visitor's turns are sequential), cycling
-- through a list of questions. Sessions are read from the SESSIONS file.
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
  conn = 0
end
function request()
  n = n + 1
  local id = ids[(tid % #ids) + 1]
  local q = questions[(n % #questions) + 1]
  return wrk.format("POST", "/v1/sessions/" .. id .. "/messages",
    {["Content-Type"] = "application/json"}, '{"text": "' .. q .. '"}')
end
function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
