-- Puts a ticket in exactly one queue: removes it from every listed queue, then adds it to KEYS[1].
-- With ARGV[3] = 'if-queued', only if it was in one of them: a ticket that a call next took from
-- its old queue meanwhile (a supervisor's move racing a call) is being called, not put back in line.
-- KEYS[1] destination sorted set; KEYS[2..n] queues it may currently be in
-- ARGV[1] score, ARGV[2] ticket id, ARGV[3] optional 'if-queued'
local removed = 0
for i = 2, #KEYS do
  removed = removed + redis.call('ZREM', KEYS[i], ARGV[2])
end
if ARGV[3] == 'if-queued' and removed == 0 then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
return 1
