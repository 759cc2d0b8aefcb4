import { createTLSchema } from '@tldraw/tlschema'
import { Store } from '@tldraw/store'
const schema = createTLSchema()
console.log(Object.keys(schema.serialize()), JSON.stringify(schema.serialize()).length)
try { const ed = await import('@tldraw/editor'); console.log('editor ok', typeof ed.createTLStore); const s = ed.createTLStore({}); console.log(s.allRecords().map(r=>r.id)) } catch (e) { console.log('editor fail', e.message) }
