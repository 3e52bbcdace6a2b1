// Every word of the interface, in both languages. Keys are stable; tests use test ids, not these texts.
import type { Lang } from './types'

const UI = {
  appTitle: { ja: 'メールプロトコル シーケンス図', en: 'Mail protocol sequence diagram' },
  appTagline: { ja: 'SMTP・POP3・IMAPの通信を1ステップずつ', en: 'SMTP, POP3 and IMAP, one step at a time' },
  scenario: { ja: 'シナリオ', en: 'Scenario' },
  language: { ja: '表示言語', en: 'Language' },
  prev: { ja: '前へ', en: 'Previous' },
  next: { ja: '次へ', en: 'Next' },
  play: { ja: '再生', en: 'Play' },
  pause: { ja: '一時停止', en: 'Pause' },
  restart: { ja: '最初から', en: 'Restart' },
  last: { ja: '最後へ', en: 'Last step' },
  speed: { ja: '速度', en: 'Speed' },
  scrubber: { ja: 'ステップの位置', en: 'Step position' },
  stepOf: { ja: 'ステップ {n} / {total}', en: 'Step {n} of {total}' },
  keysHint: { ja: '← → で移動・Spaceで再生・Home/Endで先頭/末尾', en: '← → to step · Space to play · Home/End for first/last' },
  captionTitle: { ja: '解説', en: 'Explanation' },
  wireTitle: { ja: 'ワイヤ上のバイト', en: 'Bytes on the wire' },
  stateTitle: { ja: '状態', en: 'State' },
  showHex: { ja: '16進で表示', en: 'Show hex' },
  engineState: { ja: 'サーバの状態', en: 'Server state' },
  tcpState: { ja: 'TCPの状態', en: 'TCP state' },
  before: { ja: '前', en: 'before' },
  after: { ja: '後', en: 'after' },
  noPayload: { ja: 'データなし(TCP制御セグメント)', en: 'No payload (TCP control segment)' },
  tlsHandshakeBytes: { ja: 'TLSハンドシェイク ({octets} オクテット)', en: 'TLS handshake ({octets} octets)' },
  encryptedRecord: { ja: 'TLSで暗号化 (レコード {octets} オクテット)', en: 'Encrypted by TLS (record of {octets} octets)' },
  startHint: { ja: '「次へ」(→キー)で最初のパケットを送ります。', en: 'Press Next (→) to send the first packet.' },
  legendTitle: { ja: '応答コードの分類', en: 'Reply classes' },
  client: { ja: 'クライアント', en: 'Client' },
  server: { ja: 'サーバ', en: 'Server' },
  smtpServer: { ja: 'SMTPサーバ', en: 'SMTP server' },
  pop3Server: { ja: 'POP3サーバ', en: 'POP3 server' },
  imapServer: { ja: 'IMAPサーバ', en: 'IMAP server' },
  diagramLabel: { ja: 'シーケンス図', en: 'Sequence diagram' },
  unknownScenario: { ja: 'シナリオ「{id}」は見つかりませんでした。次の一覧から選んでください。', en: 'There is no scenario "{id}". Choose one from this list.' },
  scenarioList: { ja: 'シナリオ一覧', en: 'Scenarios' },
  layerTcp: { ja: 'TCP', en: 'TCP' },
  octets: { ja: 'オクテット', en: 'octets' },
  crashTitle: { ja: '表示中に問題が起きました', en: 'Something went wrong while drawing this page' },
  crashBody: { ja: '最初のステップから開き直せます。', en: 'You can reopen it from the first step.' },
  reload: { ja: '開き直す', en: 'Reopen' },
  loadError: { ja: 'シナリオ「{id}」を読み込めませんでした。ネットワークを確かめて、もう一度選んでください。', en: 'Could not load the scenario "{id}". Check the network and choose it again.' },
  sendingServer: { ja: '送信側メールサーバ', en: 'Sending mail server' },
  clientN: { ja: 'クライアント {id}', en: 'Client {id}' },
  tlsRecord: { ja: 'TLSレコード {octets} オクテット', en: 'TLS record, {octets} octets' },
  later: { ja: '{t} 経過', en: '{t} later' },
  minutes: { ja: '{n}分', en: '{n} min' },
  seconds: { ja: '{n}秒', en: '{n} s' },
  scenarioNote: { ja: 'このシナリオでは', en: 'In this lesson' },
  modesLabel: { ja: '表示モード', en: 'Modes' },
  modePlay: { ja: '再生', en: 'Play' },
  modePredict: { ja: '応答を予想', en: 'Predict' },
  modeSandbox: { ja: 'サンドボックス', en: 'Sandbox' },
  modeDrills: { ja: '過去問ドリル', en: 'Exam drills' },
  mapLink: { ja: 'プロトコル一覧', en: 'Protocol map' },
  groupSmtp: { ja: 'SMTP (送信)', en: 'SMTP (sending)' },
  groupPop3: { ja: 'POP3 (受信)', en: 'POP3 (receiving)' },
  groupImap: { ja: 'IMAP (受信)', en: 'IMAP (receiving)' },
  eavesdropper: { ja: '盗聴者の視点', en: 'Eavesdropper view' },
  moreLines: { ja: '他 {n} 行', en: '{n} more lines' },
  bodyLines: { ja: '本文 {n} 行', en: '{n} message lines' },
} as const satisfies Record<string, Record<Lang, string>>

export type UiKey = keyof typeof UI

export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return UI[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
}

export const UI_KEYS = Object.keys(UI) as UiKey[]
export const UI_TEXT = UI
