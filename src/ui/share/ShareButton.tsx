// Opens the "Share / Embed" dialog; the dialog's code comes when it is first opened.
import { lazy, Suspense, useState } from 'react'
import { t } from '../../content/ui'
import { usePlayer } from '../../store/context'

const ShareDialog = lazy(() => import('./ShareDialog'))

export function ShareButton() {
  const lang = usePlayer((s) => s.lang)
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="toggle share-open" data-testid="share.open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t(lang, 'shareOpen')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  )
}
