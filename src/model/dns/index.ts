// The DNS model's public face: a resolver over a configured zone, MX selection and the UDP 53 wire format.
export { resolve, findMailExchangers, zoneLookup, normalizeName } from './zone'
export type { RRType, ResourceRecord, Zone, DnsQuestion, DnsAnswer, Rcode, Lookup, MailExchanger, MailExchangers } from './zone'
export { queryMessage, responseMessage, questionText, answerLines, RR_TYPE_CODES, RCODES } from './wire'
export { parseIp, parseIPv4, parseIPv6 } from './ip'
export type { IpAddress, IpFamily } from './ip'
