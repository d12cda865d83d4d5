-- wrk's Lua side, for scripts/measure-http.sh and scripts/measure-replicas.sh: counts the answers
-- that are not 2xx (wrk's own count is of 4xx and 5xx only), and prints one line a shell can read:
-- RESULT <req/s> <p50 ms> <p99 ms> <not 2xx> <socket errors> <requests>.
-- Each wrk thread has its own Lua state, hence setup().
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then not2xx = not2xx + 1 end
end
function done(summary, latency, requests)
  local not2xx = 0
  for _, thread in ipairs(threads) do not2xx = not2xx + thread:get("not2xx") end
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, not2xx, e.connect + e.read + e.write + e.timeout, summary.requests))
end
