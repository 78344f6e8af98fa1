-- How many waiting tickets rank before a score, in each of several queues: one round trip and one
-- reply for a ticket's position (its answer at the kiosk, its phone page) instead of a pipeline of
-- ZCOUNTs (about a third of the client's CPU).
-- KEYS[i]  a queue (sorted set scored by rank); ARGV[i] the exclusive upper bound, "(<score>"
local counts = {}
for i = 1, #KEYS do
  counts[i] = redis.call('ZCOUNT', KEYS[i], '-inf', ARGV[i])
end
return counts
