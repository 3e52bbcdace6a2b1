// `layers=` (CONTRACT.md §7) as checkboxes: one per layer the lesson has. The last one shown cannot be unticked.
import { t } from '../../content/ui'
import { layersOf } from '../../lessons/layers'
import { usePlayer, usePlayerStore } from '../../store/context'

export function LayersControl() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const base = usePlayer((s) => s.base)
  const chosen = usePlayer((s) => s.layers)
  const fallback = usePlayer((s) => s.layersFallback)
  if (!base) return null
  const present = layersOf(base)
  if (present.length < 2 && !fallback) return null
  const shown = fallback ? present : present.filter((l) => !chosen || chosen.includes(l))
  const toggle = (layer: (typeof present)[number], on: boolean) => {
    const next = present.filter((l) => (l === layer ? on : shown.includes(l)))
    store.getState().setLayers(next.length === present.length || next.length === 0 ? null : next)
  }
  return (
    <fieldset className="layers" data-testid="layers">
      <legend>{t(lang, 'layersTitle')}</legend>
      {present.map((l) => (
        <label key={l} className={`layer-check layer-${l}`}>
          <input
            type="checkbox"
            data-testid={`layers.${l}`}
            checked={shown.includes(l)}
            disabled={shown.length === 1 && shown[0] === l}
            onChange={(e) => toggle(l, e.target.checked)}
          />
          {l.toUpperCase()}
        </label>
      ))}
      {fallback ? (
        <span className="layers-note" role="status">
          {t(lang, 'layersFallback')}
        </span>
      ) : null}
    </fieldset>
  )
}
