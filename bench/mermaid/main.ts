// Reference page: the app's Mermaid export of the session, rendered by Mermaid 11 as its documentation shows.
import mermaid from 'mermaid'
import session from 'virtual:bench-session'

const el = document.getElementById('diagram') as HTMLElement
el.textContent = session.mermaid
mermaid.initialize({ startOnLoad: false })
void mermaid.run({ nodes: [el] })
