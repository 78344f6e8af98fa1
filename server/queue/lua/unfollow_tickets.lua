-- Phone sockets stopped following tickets (they disconnected): each code's count of followers
-- goes down, and a code nobody follows any more leaves the hash, so the feed stops computing it.
-- KEYS[1]  the office's followers hash; ARGV  pairs of code, how many sockets left it
for i = 1, #ARGV, 2 do
  if redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1])) <= 0 then
    redis.call('HDEL', KEYS[1], ARGV[i])
  end
end
return 0
