-- wrk script: POST a guest comment (JSON) to the comments endpoint given as wrk's URL, e.g.
--   wrk -t2 -c32 -d20s --latency -s bench/post-comment.lua \
--       http://127.0.0.1:18080/api/v1/articles/our-streets-are-too-hot/comments
-- Every response that is not 201 Created is counted; done() prints the totals over all threads:
--   Comment POSTs: <n> responses, <m> non-201
-- (run.sh reads that line.) Each request is a new top-level comment with a different text.

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  responses = 0
  non201 = 0
  counter = 0
  statuses = {}
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

local sentences = {
  "Shade is the cheapest air conditioning a city can buy.",
  "Our street lost three plane trees last summer and the difference is obvious at noon.",
  "I would happily pay a little more in council tax for this.",
  "The article is right that species choice matters as much as numbers.",
  "Has anyone measured the pavement temperature under a mature tree?",
}

-- Guests who give an address, as most do: BENCH_GUESTS of them a thread (5,000), each posting again in turn, so screening reads a
-- growing history for each (BENCH_GUESTS=0: no address, no history read, as the runs before 7 December 2026 did).
local guests = tonumber(os.getenv("BENCH_GUESTS") or "5000")

function request()
  counter = counter + 1
  local a = sentences[(counter % #sentences) + 1]
  local b = sentences[((counter + tid) % #sentences) + 1]
  local who
  if guests > 0 then
    local guest = counter % guests
    who = string.format('"authorName":"Bench reader %d-%d","guestEmail":"reader-%d-%d@example.org"', tid, guest, tid, guest)
  else
    who = string.format('"authorName":"Bench reader %d-%d"', tid, counter)
  end
  local body = string.format('{%s,"body":"%s %s (bench comment %d from thread %d)","parentId":null}',
    who, a, b, counter, tid)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 201 then
    non201 = non201 + 1
    -- keep the first few unexpected status codes for the report
    if statuses[status] == nil then statuses[status] = 0 end
    statuses[status] = statuses[status] + 1
  end
end

function done(summary, latency, requests)
  local total, bad = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("responses")
    bad = bad + t:get("non201")
  end
  io.write(string.format("Comment POSTs: %d responses, %d non-201\n", total, bad))
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    if s ~= nil then
      for code, n in pairs(s) do
        io.write(string.format("  thread %d: status %s x %d\n", t:get("tid"), tostring(code), n))
      end
    end
  end
end
