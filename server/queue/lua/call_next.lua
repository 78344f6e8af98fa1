-- Atomically takes the best waiting ticket for a counter across several queues.
-- KEYS[1]      the office's "built" marker: if missing, Redis lost its data and must be rebuilt first
-- KEYS[2..n]   candidate sorted sets (service queues, the counter's and the clerk's direct queue)
-- ARGV[i]      boost in milliseconds for KEYS[i+1] (skill weight or direct transfer)
-- Returns {-1} when not built, {0} when nothing waits, or {1, ticketId, key, rawScore}.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {-1}
end
local bestId, bestKey, bestRaw, bestAdjusted = nil, nil, nil, nil
for i = 2, #KEYS do
  local head = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
  if head[1] then
    local raw = tonumber(head[2])
    local adjusted = raw - tonumber(ARGV[i - 1])
    if bestAdjusted == nil or adjusted < bestAdjusted or (adjusted == bestAdjusted and head[1] < bestId) then
      bestId, bestKey, bestRaw, bestAdjusted = head[1], KEYS[i], head[2], adjusted
    end
  end
end
if bestId == nil then
  return {0}
end
redis.call('ZREM', bestKey, bestId)
return {1, bestId, bestKey, bestRaw}
