-- Atomically takes the best waiting ticket for a counter across several queues.
-- KEYS[1]      the office's "built" marker: if missing, Redis lost its data and must be rebuilt first
-- KEYS[2..n]   candidate sorted sets (service queues, the counter's and the clerk's direct queue)
-- ARGV[i]      boost in milliseconds for KEYS[i+1] (skill weight or direct transfer)
-- ARGV[#KEYS]  now, in milliseconds: entries whose raw score lies after it are not callable yet
--              (a checked-in appointment before its booked time, see queue/policy.ts isCallable)
-- Returns {-1} when not built, {0} when nothing callable waits, or {1, ticketId, key, rawScore}.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {-1}
end
local now = ARGV[#KEYS]
local bestId, bestKey, bestRaw, bestAdjusted = nil, nil, nil, nil
for i = 2, #KEYS do
  -- The set is ordered by score: its first callable entry is its head, or nothing is callable.
  local head = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', now, 'WITHSCORES', 'LIMIT', 0, 1)
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
