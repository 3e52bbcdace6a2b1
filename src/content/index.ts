// Chooses the explanation for a step, in the learner's language.
import type { ReplyClass, Step } from '../model'
import { replyClassCaptions } from './classes'
import { smtpCommandCaptions, smtpReplyCaptions, smtpStepCaptions } from './smtp'
import { tcpCaptions, tlsCaptions } from './transport'
import type { Caption, Lang } from './types'

export type { Caption, Lang } from './types'
export { LANGS } from './types'
export { t, type UiKey } from './ui'

function lookup<T extends Record<string, Caption>>(table: T, key: string): Caption | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key as keyof T] : undefined
}

/** The caption of a step, or undefined when none is written (a test makes sure none is missing). */
export function captionOf(step: Step): Caption | undefined {
  const k = step.kind
  if (k.layer === 'tcp') {
    if (k.key === 'fin-first') return lookup(tcpCaptions, `fin-first.${k.closer ?? 'server'}`)
    return lookup(tcpCaptions, k.key)
  }
  if (k.layer === 'tls') return lookup(tlsCaptions, k.key)
  if (k.layer === 'smtp') {
    switch (k.key) {
      case 'command': return k.command === '.' ? smtpStepCaptions.dot : lookup(smtpCommandCaptions, k.command)
      case 'reply': return lookup(smtpReplyCaptions, k.replyId)
      case 'body': return smtpStepCaptions.body
      case 'auth-response': return smtpStepCaptions.authResponse
      case 'pipeline': return smtpStepCaptions.pipeline
    }
  }
  return undefined
}

export function captionText(step: Step, lang: Lang): string | undefined {
  return captionOf(step)?.[lang]
}

export function classCaption(cls: ReplyClass): Caption {
  return replyClassCaptions[cls]
}
