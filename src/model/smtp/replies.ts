// Every reply the SMTP engine can give, declared once (after nodemailer smtp-server's code map).
// Texts follow Postfix 3.7 where the recorded transcripts show them; codes follow RFC 5321 §4.2/§4.3.2.
// `{addr}`, `{host}`, `{id}`, `{size}`, `{text}` are filled in by the engine.

export interface SmtpReplyDef {
  readonly code: number
  /** RFC 3463 enhanced status code; sent only after EHLO advertised ENHANCEDSTATUSCODES (RFC 2034 §3). */
  readonly enhanced?: string
  readonly text: string
  readonly rfc: string
}

export const SMTP_REPLIES = {
  // Connection opening (RFC 5321 §4.2, §3.1): 220 service ready.
  greeting: { code: 220, text: '{host} ESMTP', rfc: 'RFC 5321 §3.1, §4.3.2' },
  // HELO (RFC 5321 §4.1.1.1): one line naming the server.
  heloOk: { code: 250, text: '{host}', rfc: 'RFC 5321 §4.1.1.1' },
  // EHLO: multi-line 250 with one extension per line (RFC 5321 §4.1.1.1, §4.2.1).
  ehloOk: { code: 250, text: '{host}', rfc: 'RFC 5321 §4.1.1.1, §4.2.1' },
  // MAIL FROM accepted (RFC 5321 §4.1.1.2); 2.1.0 is success with X.1.0 "other address status" (RFC 3463 §3.2).
  mailOk: { code: 250, enhanced: '2.1.0', text: 'Ok', rfc: 'RFC 5321 §4.1.1.2' },
  // RCPT TO accepted (RFC 5321 §4.1.1.3; 2.1.5 = destination ok).
  rcptOk: { code: 250, enhanced: '2.1.5', text: 'Ok', rfc: 'RFC 5321 §4.1.1.3' },
  // DATA: intermediate reply, the client now sends the message (RFC 5321 §4.1.1.4).
  dataGo: { code: 354, text: 'End data with <CR><LF>.<CR><LF>', rfc: 'RFC 5321 §4.1.1.4' },
  // The lone "." ended the data: the server takes responsibility for delivery (RFC 5321 §4.1.1.4, §6.1).
  queued: { code: 250, enhanced: '2.0.0', text: 'Ok: queued as {id}', rfc: 'RFC 5321 §4.1.1.4, §6.1' },
  rsetOk: { code: 250, enhanced: '2.0.0', text: 'Ok', rfc: 'RFC 5321 §4.1.1.5' },
  noopOk: { code: 250, enhanced: '2.0.0', text: 'Ok', rfc: 'RFC 5321 §4.1.1.9' },
  // QUIT: 221, then the server closes the connection (RFC 5321 §4.1.1.10).
  bye: { code: 221, enhanced: '2.0.0', text: 'Bye', rfc: 'RFC 5321 §4.1.1.10' },
  // VRFY: 252 = cannot verify, but will accept and try (RFC 5321 §3.5.3).
  vrfyCannot: { code: 252, enhanced: '2.0.0', text: '{addr}', rfc: 'RFC 5321 §3.5.3, §4.1.1.6' },
  vrfyUnknown: {
    code: 550,
    enhanced: '5.1.1',
    text: '{addr}: Recipient address rejected: User unknown in local recipient table',
    rfc: 'RFC 5321 §3.5.3, §4.1.1.6',
  },
  help: { code: 214, enhanced: '2.0.0', text: 'Commands: {text}', rfc: 'RFC 5321 §4.1.1.8' },
  // STARTTLS (RFC 3207 §4): 220, then the TLS handshake; the session starts over (§4.2).
  tlsReady: { code: 220, enhanced: '2.0.0', text: 'Ready to start TLS', rfc: 'RFC 3207 §4' },
  tlsActive: { code: 554, enhanced: '5.5.1', text: 'Error: TLS already active', rfc: 'RFC 3207 §4.2' },
  tlsRequired: { code: 530, enhanced: '5.7.0', text: 'Must issue a STARTTLS command first', rfc: 'RFC 3207 §4, RFC 3463 §3.8' },
  // AUTH (RFC 4954 §4, §6).
  authChallenge: { code: 334, text: '{text}', rfc: 'RFC 4954 §4' },
  authOk: { code: 235, enhanced: '2.7.0', text: 'Authentication successful', rfc: 'RFC 4954 §6' },
  authFailed: { code: 535, enhanced: '5.7.8', text: 'Error: authentication failed', rfc: 'RFC 4954 §6' },
  authAborted: { code: 501, enhanced: '5.7.0', text: 'Authentication aborted', rfc: 'RFC 4954 §4' },
  // A response longer than the server's authentication buffer (12288 octets here, as Postfix) (RFC 4954 §4, §6).
  authLineTooLong: { code: 500, enhanced: '5.5.6', text: 'SASL response limit exceeded', rfc: 'RFC 4954 §4, §6' },
  authBadBase64: { code: 501, enhanced: '5.5.2', text: 'Cannot decode response', rfc: 'RFC 4954 §4' },
  authAlready: { code: 503, enhanced: '5.5.1', text: 'Error: already authenticated', rfc: 'RFC 4954 §4' },
  authInTransaction: { code: 503, enhanced: '5.5.1', text: 'Error: MAIL transaction in progress', rfc: 'RFC 4954 §4' },
  authMechanism: { code: 504, enhanced: '5.5.4', text: 'Unrecognized authentication type', rfc: 'RFC 4954 §4' },
  authRequired: { code: 530, enhanced: '5.7.0', text: 'Authentication required', rfc: 'RFC 4954 §6, RFC 6409 §4.3' },
  // Sequence errors (RFC 5321 §4.1.4, §4.3.2): 503 with the reason.
  needHelo: { code: 503, enhanced: '5.5.1', text: 'Error: send HELO/EHLO first', rfc: 'RFC 5321 §4.1.4' },
  nestedMail: { code: 503, enhanced: '5.5.1', text: 'Error: nested MAIL command', rfc: 'RFC 5321 §4.1.1.2, §4.1.4' },
  needMail: { code: 503, enhanced: '5.5.1', text: 'Error: need MAIL command', rfc: 'RFC 5321 §4.1.1.3, §4.1.4' },
  needRcpt: { code: 503, enhanced: '5.5.1', text: 'Error: need RCPT command', rfc: 'RFC 5321 §4.1.1.4, §3.3' },
  // Postfix's answer, not one RFC 3207 §4 lists (220, 501, 454): a bad sequence in RFC 5321's terms.
  tlsInTransaction: { code: 503, enhanced: '5.5.1', text: 'Error: MAIL transaction in progress', rfc: 'RFC 5321 §4.1.4' },
  // DATA after MAIL when every RCPT was refused (RFC 5321 §3.3: 503 or 554).
  noValidRcpt: { code: 554, enhanced: '5.5.1', text: 'Error: no valid recipients', rfc: 'RFC 5321 §3.3' },
  // Syntax (RFC 5321 §4.2.4, §4.1.1.2–3): 500 unknown, 501 bad arguments, 502 not implemented.
  unknownCommand: { code: 500, enhanced: '5.5.2', text: 'Error: command not recognized', rfc: 'RFC 5321 §4.2.4' },
  badSyntax: { code: 500, enhanced: '5.5.2', text: 'Error: bad syntax', rfc: 'RFC 5321 §2.3.8, §4.2.4' },
  needEhlo: { code: 503, enhanced: '5.5.1', text: 'Error: send EHLO first', rfc: 'RFC 4954 §4' },
  lineTooLong: { code: 500, enhanced: '5.5.2', text: 'Error: line too long', rfc: 'RFC 5321 §4.5.3.1.4' },
  notImplemented: { code: 502, enhanced: '5.5.1', text: 'Error: command not implemented', rfc: 'RFC 5321 §4.2.4' },
  heloSyntax: { code: 501, enhanced: '5.5.4', text: 'Syntax: {text} hostname', rfc: 'RFC 5321 §4.1.1.1' },
  mailSyntax: { code: 501, enhanced: '5.5.4', text: 'Syntax: MAIL FROM:<address>', rfc: 'RFC 5321 §4.1.1.2, §3.3' },
  rcptSyntax: { code: 501, enhanced: '5.5.4', text: 'Syntax: RCPT TO:<address>', rfc: 'RFC 5321 §4.1.1.3, §3.3' },
  senderSyntax: { code: 501, enhanced: '5.1.7', text: 'Bad sender address syntax', rfc: 'RFC 5321 §4.1.2, §4.1.1.2' },
  recipientSyntax: { code: 501, enhanced: '5.1.3', text: 'Bad recipient address syntax', rfc: 'RFC 5321 §4.1.2, §4.1.1.3' },
  pathTooLong: { code: 501, enhanced: '5.1.3', text: 'Address too long', rfc: 'RFC 5321 §4.5.3.1.1–3' },
  noArguments: { code: 501, enhanced: '5.5.4', text: 'Syntax: {text}', rfc: 'RFC 5321 §4.1.1' },
  unknownParameter: { code: 555, enhanced: '5.5.4', text: 'Unsupported option: {text}', rfc: 'RFC 5321 §4.1.1.11' },
  tooBigDeclared: { code: 552, enhanced: '5.3.4', text: 'Message size exceeds fixed limit', rfc: 'RFC 1870 §6' },
  // Recipients (RFC 5321 §4.1.1.3, §3.6.2, §4.5.3.1.10).
  userUnknown: {
    code: 550,
    enhanced: '5.1.1',
    text: '{addr}: Recipient address rejected: User unknown in local recipient table',
    rfc: 'RFC 5321 §4.1.1.3, RFC 3463 §3.2',
  },
  relayDenied: { code: 550, enhanced: '5.7.1', text: '{addr}: Relay access denied', rfc: 'RFC 5321 §3.6.2, §4.1.1.3' },
  // Greylisting: a temporary refusal that a real MTA retries and a spam cannon usually does not.
  greylisted: {
    code: 450,
    enhanced: '4.7.1',
    text: '{addr}: Recipient address rejected: Greylisted, try again later',
    rfc: 'RFC 5321 §4.2.1, §4.5.4.1; RFC 6647',
  },
  mailboxFull: { code: 452, enhanced: '4.2.2', text: '{addr}: Recipient address rejected: Mailbox full', rfc: 'RFC 5321 §4.2.2, RFC 3463 §3.3' },
  tooManyRcpts: { code: 452, enhanced: '4.5.3', text: 'Error: too many recipients', rfc: 'RFC 5321 §4.5.3.1.10' },
  // After the final dot (RFC 5321 §4.1.1.4; RFC 1870 §6 for size).
  tooBig: { code: 552, enhanced: '5.3.4', text: 'Error: message file too big', rfc: 'RFC 1870 §6, RFC 5321 §4.5.3.1.7, §4.5.3.1.9' },
  // A content filter refuses the message after the dot: permanent, so the sender gets a bounce.
  policyRejected: { code: 550, enhanced: '5.7.1', text: 'Rejected by the DMARC policy of {domain}', rfc: 'RFC 7489 §6.7; RFC 5321 §4.2.5' },
  contentRejected: { code: 554, enhanced: '5.7.1', text: 'Error: message content rejected', rfc: 'RFC 5321 §4.1.1.4, §4.2.5; RFC 3463 §3.8' },
  textLineTooLong: { code: 554, enhanced: '5.6.0', text: 'Error: message line longer than 998 octets', rfc: 'RFC 5321 §4.5.3.1.6' },
  // A fault inside the engine (a bug, never the client's doing): the line was not processed, try again
  // (RFC 5321 §4.2.3 451 "local error in processing"; RFC 3463 §3.4 X.3.0 other mail system status).
  localError: { code: 451, enhanced: '4.3.0', text: 'Error: internal error, command not processed', rfc: 'RFC 5321 §4.2.3; RFC 3463 §3.4' },
  // The server gives up on a client that keeps erring and closes (RFC 5321 §3.8, §4.2.3 421).
  tooManyErrors: { code: 421, enhanced: '4.7.0', text: '{host} Error: too many errors', rfc: 'RFC 5321 §3.8' },
} as const satisfies Record<string, SmtpReplyDef>

export type SmtpReplyId = keyof typeof SMTP_REPLIES
export const SMTP_REPLY_IDS = Object.keys(SMTP_REPLIES) as SmtpReplyId[]

/**
 * Reply codes RFC 5321 §4.3.2 lists for each command (plus the extensions' own RFCs),
 * and 500/501/502/503/421 which may answer any command. The path test checks every reply against it.
 */
export const RFC_REPLY_CODES: Record<string, readonly number[]> = {
  CONNECT: [220, 554],
  EHLO: [250, 504, 550, 502],
  HELO: [250, 504, 550],
  MAIL: [250, 552, 451, 452, 550, 553, 503, 455, 555, 530],
  RCPT: [250, 251, 550, 551, 552, 553, 450, 451, 452, 503, 455, 555, 530],
  DATA: [354, 503, 554, 530],
  DOT: [250, 552, 554, 451, 452, 450, 550],
  RSET: [250],
  VRFY: [250, 251, 252, 550, 551, 553, 502, 504],
  EXPN: [250, 252, 550, 500, 502, 504],
  HELP: [211, 214, 502, 504],
  NOOP: [250],
  QUIT: [221],
  // RFC 3207 §4 lists 220, 501 and 454; 554 is Postfix's answer to a second STARTTLS (503 and 502 are in ANY).
  STARTTLS: [220, 501, 454, 554],
  AUTH: [235, 334, 432, 454, 500, 501, 503, 504, 530, 534, 535, 538], // RFC 4954 §6
  // 530 may answer any command but NOOP, EHLO, STARTTLS and QUIT while TLS is required (RFC 3207 §4).
  ANY: [500, 501, 502, 503, 421, 530],
}
