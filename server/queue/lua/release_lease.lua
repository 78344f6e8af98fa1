-- Lets a counter's call lease go, if this call still holds it (it may have expired and been
-- taken by another call since).
-- KEYS[1]  the lease; ARGV[1] the token of the call that took it
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
