-- Atomically takes the best waiting ticket for a counter across several queues, under the
-- counter's call lease: one call next at a time per counter (a double click, two tabs), so the
-- first takes the best ticket and the others are refused until it is confirmed or given back.
-- KEYS[1]        the office's "built" marker: if missing, Redis lost its data and must be rebuilt first
-- KEYS[2]        the counter's call lease (its value: the token of the call holding it)
-- KEYS[3..n]     candidate sorted sets (service queues, the counter's and the clerk's direct queue)
-- ARGV[i]        boost in milliseconds for KEYS[i+2] (skill weight or direct transfer)
-- ARGV[#KEYS-1]  now, in milliseconds: entries whose raw score lies after it are not callable yet
--                (a checked-in appointment before its booked time, see queue/policy.ts isCallable)
-- ARGV[#KEYS]    this call's lease token; ARGV[#KEYS+1] the lease's life in milliseconds
-- Returns {-1} when not built, {-2} when another call holds the lease, {0} when nothing callable
-- waits (the lease is let go), or {1, ticketId, key, rawScore} (the caller lets the lease go:
-- release_lease.lua).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {-1}
end
local token = ARGV[#KEYS]
local holder = redis.call('GET', KEYS[2])
if holder and holder ~= token then
  return {-2}
end
local now = ARGV[#KEYS - 1]
local bestId, bestKey, bestRaw, bestAdjusted = nil, nil, nil, nil
for i = 3, #KEYS do
  -- The set is ordered by score: its first callable entry is its head, or nothing is callable.
  local head = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', now, 'WITHSCORES', 'LIMIT', 0, 1)
  if head[1] then
    local raw = tonumber(head[2])
    local adjusted = raw - tonumber(ARGV[i - 2])
    if bestAdjusted == nil or adjusted < bestAdjusted or (adjusted == bestAdjusted and head[1] < bestId) then
      bestId, bestKey, bestRaw, bestAdjusted = head[1], KEYS[i], head[2], adjusted
    end
  end
end
if bestId == nil then
  if holder then
    redis.call('DEL', KEYS[2])
  end
  return {0}
end
redis.call('SET', KEYS[2], token, 'PX', ARGV[#KEYS + 1])
redis.call('ZREM', bestKey, bestId)
return {1, bestId, bestKey, bestRaw}
