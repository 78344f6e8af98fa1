-- Puts a ticket in exactly one queue: removes it from every listed queue, then adds it to KEYS[1].
-- KEYS[1] destination sorted set; KEYS[2..n] queues it may currently be in
-- ARGV[1] score, ARGV[2] ticket id
for i = 2, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[2])
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
return 1
