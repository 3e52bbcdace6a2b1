// Chooses the explanation for a step, in the learner's language.
import type { Step } from '../model'
import { imapCaptions } from './imap'
import { dnsCaption, droppedSynCaption } from './journey'
import { pop3Captions } from './pop3'
import { smtpCommandCaptions, smtpReplyCaptions, smtpStepCaptions } from './smtp'
import { tcpCaptions, tlsCaptions } from './transport'
import type { Caption } from './types'

export type { Caption } from './types'

function lookup(table: Record<string, Caption>, key: string): Caption | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
}

/** The caption of a step, or undefined when none is written (a test makes sure none is missing). */
export function captionOf(step: Step): Caption | undefined {
  const k = step.kind
  switch (k.layer) {
    case 'tcp':
      if (k.key === 'syn-dropped') return droppedSynCaption(k.attempt, k.last)
      // Who closes first, and after which reply, depends on the protocol; an implicit-TLS port talks TLS first.
      if (k.key === 'fin-first') {
        const closer = k.closer ?? 'server'
        return (k.protocol ? lookup(tcpCaptions, `fin-first.${closer}.${k.protocol}`) : undefined) ?? lookup(tcpCaptions, `fin-first.${closer}`)
      }
      if (k.key === 'ack' && k.tlsFirst) return tcpCaptions['ack.tls-first']
      return lookup(tcpCaptions, k.key)
    case 'tls':
      return lookup(tlsCaptions, k.key)
    case 'dns':
      return dnsCaption(step)
    case 'smtp':
      switch (k.key) {
        case 'command':
          if (k.command === '.') return smtpStepCaptions.dot
          if (k.command === 'sasl-response') return smtpStepCaptions['sasl-response']
          return lookup(smtpCommandCaptions, k.command)
        case 'reply':
          return lookup(smtpReplyCaptions, k.replyId)
        case 'body':
          return smtpStepCaptions.body
        case 'pipeline':
          return smtpStepCaptions.pipeline
      }
      return undefined
    case 'pop3':
      switch (k.key) {
        case 'command':
          return lookup(pop3Captions.commands, k.command)
        case 'reply':
          return lookup(pop3Captions.replies, k.replyId)
        default:
          return undefined
      }
    case 'imap':
      switch (k.key) {
        case 'command':
          return lookup(imapCaptions.commands, k.command) ?? lookup(imapCaptions.continuations, k.command)
        case 'reply':
          return lookup(imapCaptions.responses, k.replyId)
        default:
          return undefined
      }
  }
}
