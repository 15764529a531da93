-- ./pledgewatch bench: the load of the throughput run, for wrk (one Lua state per wrk thread).
-- Every request revises one of the clients' submissions (created beforehand) with a new body, so every accepted
-- PUT is a new revision. "If-Match: *" (RFC 9110: any current revision) spares the generator the ETag bookkeeping
-- a client would do; ingest checks it the same way.
-- init's argument: a file of lines "PATH CURRENCY TOKEN", one per submission.

local keys = {}
local n = 0

function setup(thread)
  thread:set("id", (id_counter or 0))
  id_counter = (id_counter or 0) + 1
end

function init(args)
  for line in io.lines(args[1]) do
    local path, currency, token = line:match("(%S+) (%S+) (%S+)")
    keys[#keys + 1] = { path = path, currency = currency,
      headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["If-Match"] = "*" } }
  end
  n = (id or 0) * 7
end

function request()
  n = n + 1
  local k = keys[(n % #keys) + 1]
  local total = 2000000000 + n * 2 + (id or 0)
  local equipment = 500000000
  local personnel = math.floor(total * 0.4)
  local infrastructure = math.floor(total * 0.1)
  local body = string.format('{"status":"BUDGET","currency":"%s","gdp":100000000000,"defence":{"total":%d,'
    .. '"equipment":%d,"personnel":%d,"infrastructure":%d,"other":%d,"ukraineSupport":0},"note":"bench"}',
    k.currency, total, equipment, personnel, infrastructure, total - equipment - personnel - infrastructure)
  return wrk.format("PUT", k.path, k.headers, body)
end
