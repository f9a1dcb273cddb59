/** Worker thread of plan2json: converts the inputs the main thread sends, one at a time. */
import { parentPort } from 'node:worker_threads'
import { convert, type ConvertTask } from './convert.js'

const port = parentPort
if (!port) throw new Error('plan2json worker: must run as a worker thread')
port.on('message', (task: ConvertTask) => {
  void convert(task).then((result) => port.postMessage(result))
})
