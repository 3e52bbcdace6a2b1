// The words of the server's state chart: a short name for each engine state and the chart's own labels.
// Loaded with the chart (a chunk of its own), not with the page shell.
import type { Bilingual } from '../model'
import type { Lang } from './types'

/** What each engine state means, keyed by protocol and the engine's own state name. */
export const STATE_LABELS: Readonly<Record<'smtp' | 'pop3' | 'imap', Readonly<Record<string, Bilingual>>>> = {
  smtp: {
    connected: { ja: '接続した直後', en: 'just connected' },
    greeted: { ja: 'HELO/EHLO 済み', en: 'after HELO/EHLO' },
    mail: { ja: '差出人を受付', en: 'sender taken' },
    rcpt: { ja: '宛先を受付', en: 'recipients taken' },
    data: { ja: '本文を受信中', en: 'reading the message' },
    auth: { ja: '認証のやり取り中', en: 'in an AUTH exchange' },
    closed: { ja: '切断', en: 'closed' },
  },
  pop3: {
    authorization: { ja: '認証（AUTHORIZATION）', en: 'AUTHORIZATION' },
    transaction: { ja: '操作（TRANSACTION）', en: 'TRANSACTION' },
    update: { ja: '削除を反映（UPDATE）', en: 'UPDATE' },
    closed: { ja: '切断', en: 'closed' },
  },
  imap: {
    'not-authenticated': { ja: '未認証', en: 'not authenticated' },
    authenticated: { ja: '認証済み', en: 'authenticated' },
    selected: { ja: 'メールボックス選択中', en: 'mailbox selected' },
    logout: { ja: 'ログアウト（切断）', en: 'logged out' },
  },
}

const TEXT = {
  chartTitle: { ja: 'サーバの状態遷移図', en: 'The server’s state machine' },
  chartAny: { ja: '（どの状態からも）', en: '(from any state)' },
  chartCurrent: { ja: '現在の状態', en: 'current state' },
  chartNow: { ja: '現在の状態: {state}', en: 'Current state: {state}' },
  chartLast: { ja: '直前の遷移: {from} → {to}（{label}）', en: 'Last transition: {from} → {to} ({label})' },
  chartNoMove: { ja: 'この手順で状態は変わっていません。', en: 'This step did not change the state.' },
  chartHint: {
    ja: '状態を選ぶ（クリック・Enter）と、その状態で受け付けるコマンドと、それ以外への応答を表示します。',
    en: 'Pick a state (click or Enter) to see the commands it takes and what the others get.',
  },
  chartTls: { ja: 'TLS 使用中', en: 'TLS on' },
  chartAuthed: { ja: '認証済み', en: 'authenticated' },
  chartFlags: { ja: '状態とは別のフラグ', en: 'Flags besides the state' },
  chartTaken: { ja: '色の付いた矢印: このレッスンで通る遷移。', en: 'Coloured arrows: the transitions this lesson takes.' },
  chartClose: { ja: '閉じる', en: 'Close' },
  chartMoves: { ja: 'この状態から出る遷移', en: 'Ways out of this state' },
} as const satisfies Record<string, Bilingual>

export type StateText = keyof typeof TEXT

export function ts(lang: Lang, key: StateText, vars: Readonly<Record<string, string | number>> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}
