// What the capture reader says about a file it cannot read, and about a connection it cannot show as mail:
// one sentence each, English and Japanese (ImportError takes them in that order).

type Said = readonly [en: string, ja: string]

export const ERR = {
  empty: ['The file is empty.', 'ファイルが空です。'],
  cancelled: ['Reading the capture was cancelled.', 'キャプチャの読み込みを中止しました。'],
  text: [
    'This is a text file, not a capture: import it as a transcript.',
    'これはキャプチャではなくテキストファイルです。やり取りの記録（トランスクリプト）として読み込んでください。',
  ],
  png: ['This is a PNG image, not a capture file.', 'これは PNG 画像で、キャプチャファイルではありません。'],
  jpeg: ['This is a JPEG image, not a capture file.', 'これは JPEG 画像で、キャプチャファイルではありません。'],
  pdf: ['This is a PDF document, not a capture file.', 'これは PDF 文書で、キャプチャファイルではありません。'],
  zip: ['This is a ZIP archive: unpack it and open the capture inside.', 'これは ZIP 圧縮ファイルです。展開して中のキャプチャを開いてください。'],
  gzip: ['This file is gzip-compressed: decompress it and open the capture inside.', 'これは gzip で圧縮されています。展開してから開いてください。'],
  notCapture: [
    'This is not a pcap or pcapng capture: its first bytes are not a capture file signature.',
    'pcap でも pcapng でもありません。先頭のバイト列がキャプチャファイルの目印になっていません。',
  ],
  pcapHeader: ['The file ends inside the 24-byte pcap header.', 'pcap の 24 バイトのヘッダーの途中でファイルが終わっています。'],
  byteOrder: ['The pcapng section header has no valid byte-order magic.', 'pcapng のセクションヘッダーにバイト順の目印（0x1A2B3C4D）がありません。'],
  cutShort: (n: number): Said => [`The file is cut short inside the header of packet ${n}.`, `${n} 番目のパケットのヘッダーの途中でファイルが終わっています。`],
  pastEnd: (n: number): Said => [`The length of packet ${n} points past the end of the file.`, `${n} 番目のパケットの長さがファイルの終わりを越えています。`],
  blockCut: (n: number): Said => [`The file is cut short inside pcapng block ${n}.`, `pcapng の ${n} 番目のブロックの途中でファイルが終わっています。`],
  blockLength: (n: number): Said => [
    `The length of pcapng block ${n} is impossible (too short, or not a multiple of 4).`,
    `pcapng の ${n} 番目のブロックの長さがありえない値です（短すぎるか 4 の倍数でない）。`,
  ],
  blockPastEnd: (n: number): Said => [
    `The length of pcapng block ${n} points past the end of the file.`,
    `pcapng の ${n} 番目のブロックの長さがファイルの終わりを越えています。`,
  ],
  blockTrailer: (n: number): Said => [
    `The two lengths of pcapng block ${n} disagree: the file is damaged.`,
    `pcapng の ${n} 番目のブロックの前後の長さが食い違っています。ファイルが壊れています。`,
  ],
  blockPacket: (n: number): Said => [
    `The packet in pcapng block ${n} is longer than its block.`,
    `pcapng の ${n} 番目のブロックのパケットがブロックより長くなっています。`,
  ],
} as const

/** Why a connection is listed as "not mail" (ImportedConnection.note and noteJa). */
export const NOT_MAIL = {
  noGreeting: [
    'Not mail: no mail port, and the server did not greet with 220, +OK or * OK.',
    'メールではありません: メールのポートではなく、サーバーの最初の行も 220・+OK・* OK ではありません。',
  ],
  wrongGreeting: (port: number, proto: string): Said => [
    `Not mail: port ${port}, but the server's first line is not a ${proto} greeting.`,
    `メールではありません: ポート ${port} ですが、サーバーの最初の行が ${proto} の挨拶ではありません。`,
  ],
  clientFirst: [
    'Not mail: the client spoke first, and mail servers always greet first.',
    'メールではありません: クライアントが先に送信しています（メールサーバーは必ず先に挨拶します）。',
  ],
  ftp: ['Not mail: port 21 is FTP, whose greeting also starts with 220.', 'メールではありません: ポート 21 は FTP です（FTP の挨拶も 220 で始まります）。'],
  noData: ['Not mail: no data was captured on this connection.', 'メールではありません: この接続ではデータが記録されていません。'],
} as const
