/**
 * Request headers the server's front door sets on every request before Next sees it (a value a
 * client sent is overwritten): the client's address and protocol as worked out through trusted
 * proxies (client-address.ts).
 */
export const CLIENT_IP_HEADER = 'x-sportello-client-ip';
/** `https` when the request reached us over https (directly or through a trusted proxy), else `http`. */
export const CLIENT_PROTO_HEADER = 'x-sportello-client-proto';
