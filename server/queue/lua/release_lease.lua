-- Lets a lease go (a counter's call, an office's feed pass), if its holder still holds it (it may
-- have expired and been taken by another since).
-- KEYS[1]  the lease; ARGV[1] the token of the holder that took it
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
