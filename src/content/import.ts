// Words of the import page ("Explain my capture"); loaded with that page, not with the page shell.
import type { Lang } from './types'

const TEXT = {
  importTitle: { ja: '自分のセッションを解説する', en: 'Explain your own session' },
  importIntro: {
    ja: 'tcpdump や Wireshark のキャプチャ （pcap / pcapng）、またはテキストの記録を読み込むと、レッスンと同じ図で1行ずつ再生し、各応答をエンジンと照合します。データはブラウザの外に出ません。',
    en: 'Open a tcpdump or Wireshark capture (pcap / pcapng) or a text transcript: it plays line by line on the same diagram as the lessons, and each reply is checked against our engine. Nothing leaves your browser.',
  },
  importFile: { ja: 'ファイルを開く（pcap・テキスト・保存した JSON）', en: 'Open a file (pcap, text, saved JSON)' },
  importDrop: { ja: 'ここにファイルをドロップすることもできます。', en: 'You can also drop a file anywhere on this page.' },
  importPaste: {
    ja: 'テキストを貼り付け （S:/C: 形式、telnet、swaks、Wireshark の「TCP ストリームを追跡」）',
    en: 'Paste a transcript (S:/C: lines, telnet, swaks, Wireshark "Follow TCP Stream")',
  },
  importGo: { ja: '読み込む', en: 'Read it' },
  importParsing: { ja: 'キャプチャを読んでいます…', en: 'Reading the capture…' },
  importCancel: { ja: '中止', en: 'Cancel' },
  importCancelled: { ja: '読み込みを中止しました。', en: 'Reading was cancelled.' },
  importConnection: { ja: '接続', en: 'Connection' },
  importNotMail: { ja: 'メール以外', en: 'not mail' },
  importNotMailHint: {
    ja: '「メール以外」の接続は SMTP・POP3・IMAP と認識できなかったため、再生できません。',
    en: 'Connections marked "not mail" were not recognised as SMTP, POP3 or IMAP, so they cannot be played.',
  },
  importNoMail: { ja: 'このファイルにはメールの接続がありません。', en: 'This file holds no mail connection.' },
  importChecked: {
    ja: 'エンジンとの照合: {differs} 件の違い （{total} 個の応答・コマンド中）。違いのある矢印には印が付きます。',
    en: 'Checked against the engine: {differs} difference(s) among {total} replies and commands; arrows that differ are marked.',
  },
  importSave: { ja: 'JSON で保存', en: 'Save as JSON' },
  importLinkNo: {
    ja: 'このセッションは長すぎるので、アドレス （URL） には入れていません。共有するには JSON で保存してください。',
    en: 'This session is too long for a link, so it is not in the address; save it as JSON to share it.',
  },
  importLinkYes: { ja: 'このセッションはアドレス（URL）に入っています。', en: 'This session is in the address (URL).' },
  importUnreadable: { ja: 'ファイルを読めませんでした。', en: 'The file could not be read.' },
  importDiffers: { ja: 'エンジンと違う', en: 'differs from the engine' },
} as const satisfies Record<string, Record<Lang, string>>

export type ImportKey = keyof typeof TEXT
export const IMPORT_TEXT = TEXT

export function ti(lang: Lang, key: ImportKey, vars: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
}
