import { useState, type ReactNode } from 'react'
import { tm } from '../../content/modes'
import { exposureOf } from '../../model/eavesdrop'
import { useCurrentStep, usePlayer } from '../../store/context'

/** What someone capturing packets on the path reads in the current step. */
export default function EavesPanel() {
  const lang = usePlayer((s) => s.lang)
  const [decodedAt, setDecodedAt] = useState<number | null>(null)
  const current = useCurrentStep()
  if (!current) return null
  const outer = exposureOf(current)
  // Under TLS the capture shows a length only; below it, for learning, what the record protects.
  const e = outer.kind === 'encrypted' ? exposureOf({ ...current, tls: undefined }) : outer
  let body: ReactNode
  switch (e.kind) {
    case 'encrypted':
      body = null
      break
    case 'password':
      body = <p className="exposed">{tm(lang, 'eavesPassword', { password: e.password })}</p>
      break
    case 'digest':
      body = <p>{tm(lang, 'eavesDigest', { digest: e.digest })}</p>
      break
    case 'message':
      body = <p className="exposed">{tm(lang, 'eavesMessage', { lines: e.lines })}</p>
      break
    case 'plain':
      body = <p>{tm(lang, 'eavesPlain')}</p>
      break
    case 'headers-only':
      body = <p>{tm(lang, 'eavesHeaders')}</p>
      break
    case 'base64': {
      const shown = decodedAt === current.index
      body = (
        <>
          <p className="exposed">
            {tm(lang, 'eavesBase64')} <code>{e.encoded}</code>
          </p>
          {shown ? (
            <p className="decoded" data-testid="eaves.decoded">
              {e.user !== undefined && e.password !== undefined
                ? tm(lang, 'eavesDecoded', { user: e.user, password: e.password })
                : tm(lang, 'eavesDecodedRaw', { text: JSON.stringify(e.decoded) })}
            </p>
          ) : (
            <button type="button" className="toggle" data-testid="eaves.decode" onClick={() => setDecodedAt(current.index)}>
              {tm(lang, 'eavesDecode')}
            </button>
          )}
        </>
      )
      break
    }
  }
  return (
    <section className="panel eaves-panel" aria-labelledby="eaves-title" data-testid="eavesdropper" data-exposure={outer.kind}>
      <h2 id="eaves-title">{tm(lang, 'eavesTitle')}</h2>
      {outer.kind === 'encrypted' ? (
        <>
          <p className="safe">{tm(lang, 'eavesEncrypted', { octets: outer.octets })}</p>
          <h3>{tm(lang, 'eavesInside')}</h3>
          <div className="inside" data-exposure={e.kind}>
            {body}
          </div>
        </>
      ) : (
        body
      )}
    </section>
  )
}
