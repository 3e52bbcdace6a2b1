// Selected-state updates (RFC 9051 §5.2, §7.4.1, §7.5): what changed in the shared store since this connection last looked.
import { requireUser, setMailbox } from './context'
import type { Ctx, SelectedView } from './context'
import { flagKey, flagsOut } from './flags'
import { findMailbox } from './store'
import type { ImapMessage } from './store'

/** The messages of the selected mailbox as the store has them now, by UID. */
export function currentMessages(ctx: Ctx, v: SelectedView): Map<number, ImapMessage> {
  const mb = findMailbox(ctx.s.world, requireUser(ctx), v.name)
  const map = new Map<number, ImapMessage>()
  if (mb && mb.uidValidity === v.uidValidity) for (const m of mb.messages) map.set(m.uid, m)
  return map
}

/**
 * Tells this client what changed in the store since it last looked (RFC 9051 §5.2, §7.4.1, §7.5):
 * EXPUNGE (when allowed), EXISTS and RECENT for new mail, FETCH FLAGS for flags another connection changed.
 */
export function sync(ctx: Ctx, allowExpunge: boolean): void {
  const v = ctx.s.selected
  if (!v) return
  const user = requireUser(ctx)
  // Sets, not array scans: this runs after every command in the selected state, so it must stay linear.
  const seenRecent = new Set(v.recent)
  let recent = [...v.recent]
  const mb = findMailbox(ctx.s.world, user, v.name)
  const fresh = mb && mb.uidValidity === v.uidValidity ? mb.messages.filter((m) => m.recent && !seenRecent.has(m.uid)).map((m) => m.uid) : []
  if (mb && fresh.length > 0) {
    recent = [...recent, ...fresh]
    if (!v.readOnly) setMailbox(ctx, { ...mb, messages: mb.messages.map((m) => (m.recent ? { ...m, recent: false } : m)) })
  }
  const present = currentMessages(ctx, v)
  const known: Record<string, string> = { ...v.known }
  let uids = [...v.uids]
  if (allowExpunge) {
    // Each EXPUNGE renumbers the messages after it, so later numbers are reduced (RFC 9051 §7.5.1).
    const kept: number[] = []
    let removed = 0
    uids.forEach((uid, i) => {
      if (present.has(uid)) kept.push(uid)
      else {
        ctx.out.add('expunge', null, { n: i + 1 - removed })
        removed++
        delete known[uid]
      }
    })
    uids = kept
    recent = recent.filter((u) => present.has(u))
  }
  const wasInView = new Set(v.uids)
  const added = [...present.values()].filter((m) => !wasInView.has(m.uid))
  if (added.length > 0) {
    uids = [...uids, ...added.map((m) => m.uid)]
    for (const m of added) known[m.uid] = flagKey(m)
    ctx.out.add('exists', null, { n: uids.length })
    const inView = new Set(uids)
    ctx.out.add('recent', null, { n: recent.filter((u) => inView.has(u)).length })
  }
  const recentNow = new Set(recent)
  uids.forEach((uid, i) => {
    const m = present.get(uid)
    if (m && known[uid] !== flagKey(m)) {
      ctx.out.add('fetch', null, { n: i + 1, items: `FLAGS (${flagsOut(m, recentNow.has(uid))})` })
      known[uid] = flagKey(m)
    }
  })
  ctx.s.selected = { ...v, uids, known, recent }
}
