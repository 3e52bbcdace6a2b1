// Mail authentication: SPF (RFC 7208), DKIM (RFC 6376, rsa-sha256), DMARC (RFC 7489), Authentication-Results (RFC 8601).
export { checkSpf, SPF_DNS_LOOKUP_LIMIT, SPF_VOID_LOOKUP_LIMIT } from './spf'
export type { SpfResult, SpfCheck, SpfOutcome, Bilingual } from './spf'
export { dkimSign, dkimVerify, dkimVerifyAll, dkimRecord, dkimSignatureFor, bodyHash, relaxedBody, DEFAULT_SIGNED_HEADERS } from './dkim'
export type { DkimKey, DkimSignOptions, DkimResult, DkimOutcome } from './dkim'
export { checkDmarc, organizationalDomain, authenticationResults } from './dmarc'
export type { DmarcInput, DmarcOutcome } from './dmarc'
export { TEACHING_KEY_PEM } from './teaching-key'
