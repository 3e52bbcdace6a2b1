import { Component, type ReactNode } from 'react'
import { t } from '../content/ui'
import type { Lang } from '../content/types'

interface Props {
  lang: Lang
  children: ReactNode
}
interface State {
  error: Error | null
}

/** A drawing error shows a way back instead of a white page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }
  static getDerivedStateFromError(error: Error): State {
    return { error }
  }
  override render() {
    if (!this.state.error) return this.props.children
    const { lang } = this.props
    return (
      <main className="crash" role="alert">
        <h1>{t(lang, 'crashTitle')}</h1>
        <p>{t(lang, 'crashBody')}</p>
        <p>
          <a href="?">{t(lang, 'reload')}</a>
        </p>
        <pre>{String(this.state.error.message)}</pre>
      </main>
    )
  }
}
