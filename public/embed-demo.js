// The few lines a course page adds so that a plain iframe of the app follows its content's height
// (the <mail-sequence> component does this by itself).
const frame = document.getElementById('demo-iframe')
addEventListener('message', (e) => {
  const m = e.data
  if (e.source !== frame.contentWindow || typeof m !== 'object' || m === null) return
  if (m.type === 'mailseq:event' && m.event === 'resize' && Number.isFinite(m.height) && m.height > 0) frame.style.height = `${Math.ceil(m.height)}px`
})
