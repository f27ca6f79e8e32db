// Speaks text with GnuSpeech (articulatory synthesis, npm @echogarden/gnuspeech-wasm) into a 16 kHz
// mono 16-bit WAV. A voice is one of GnuSpeech's presets, optionally with its vocal-tract length,
// glottal pitch and breathiness changed: the tube model then resonates like a longer or shorter tract.
//
//   node render.mjs --preset female [--tract CM] [--pitch ST] [--breathiness PCT] [--tempo X]
//                   [--seed N] --out out.wav [text]        (text from standard input when absent)
//
// GnuSpeech draws its random intonation and pitch drift from std::random_device; --seed feeds that
// device from a seeded generator, so the same arguments give the same audio (synth.py relies on it).
// GnuSpeech renders at 44.1 kHz; sox converts to 16 kHz.
import { spawnSync } from 'node:child_process'
import v8 from 'node:v8'

const PRESETS = ['male', 'female', 'large_child', 'small_child', 'baby']
const DATA = '/data/en'

function fail(message) {
	process.stderr.write(`gnuspeech: error: ${message}\n`)
	process.exit(2)
}

function parseArgs(argv) {
	const opts = { seed: 1, tempo: 1.0 }
	const numeric = { '--tract': 'tract', '--pitch': 'pitch', '--breathiness': 'breathiness', '--tempo': 'tempo', '--seed': 'seed' }
	const words = []
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]
		if (a === '--preset' || a === '--out' || a in numeric) {
			if (i + 1 >= argv.length) fail(`${a} needs a value`)
			const v = argv[++i]
			if (a === '--preset') opts.preset = v
			else if (a === '--out') opts.out = v
			else {
				const x = Number(v)
				if (v.trim() === '' || !Number.isFinite(x)) fail(`${a}: '${v}' is not a number`)
				opts[numeric[a]] = x
			}
		} else if (a.startsWith('--')) fail(`unknown option ${a}`)
		else words.push(a)
	}
	if (!PRESETS.includes(opts.preset)) fail(`--preset must be one of ${PRESETS.join(', ')}`)
	if (!opts.out) fail('--out is required')
	if (opts.tract !== undefined && !(opts.tract >= 5 && opts.tract <= 25)) fail('--tract must be 5-25 cm')
	if (opts.pitch !== undefined && !(opts.pitch >= -24 && opts.pitch <= 24)) fail('--pitch must be -24 to 24 semitones')
	if (opts.breathiness !== undefined && !(opts.breathiness >= 0 && opts.breathiness <= 10)) fail('--breathiness must be 0-10 %')
	if (!(opts.tempo >= 0.25 && opts.tempo <= 4)) fail('--tempo must be 0.25-4')
	if (!Number.isInteger(opts.seed) || opts.seed < 0) fail('--seed must be a non-negative integer')
	opts.text = words.length ? words.join(' ') : null
	return opts
}

// splitmix64 over BigInt: a small seeded byte source standing in for the random device.
function seededFill(seed) {
	let state = BigInt(seed) & 0xffffffffffffffffn
	const next = () => {
		state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn
		let z = state
		z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn
		z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn
		return z ^ (z >> 31n)
	}
	return view => {
		const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength)
		for (let i = 0; i < bytes.length; i += 8) {
			let z = next()
			for (let k = i; k < Math.min(i + 8, bytes.length); k++, z >>= 8n) bytes[k] = Number(z & 0xffn)
		}
		return view
	}
}

function setLine(content, key, value, file) {
	const re = new RegExp(`^${key} = .*$`, 'm')
	if (!re.test(content)) throw new Error(`${file} has no '${key}' line (another GnuSpeech version?)`)
	return content.replace(re, `${key} = ${value}`)
}

async function readStdin() {
	const chunks = []
	for await (const c of process.stdin) chunks.push(c)
	return Buffer.concat(chunks).toString('utf8')
}

async function main() {
	const opts = parseArgs(process.argv.slice(2))
	const text = (opts.text ?? await readStdin()).trim()
	if (!text) fail('no text to speak')

	// One short utterance per process: V8's baseline wasm compiler alone halves the CPU time, since
	// optimising the 3 MB module in the background costs more than it saves (same audio either way).
	v8.setFlagsFromString('--liftoff-only')
	// Emscripten's random device reads globalThis.crypto.getRandomValues on first use.
	Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues: seededFill(opts.seed) }, configurable: true })
	const { default: initializer } = await import('@echogarden/gnuspeech-wasm/wasm/gnuspeech.js')
	const { wrapEmscriptenModuleHeap } = await import('wasm-heap-manager')
	const m = await initializer()
	const fs = m.FS

	let voice = fs.readFile(`${DATA}/voice_${opts.preset}.txt`, { encoding: 'utf8' })
	if (opts.tract !== undefined) voice = setLine(voice, 'vocal_tract_length', opts.tract, 'voice file')
	if (opts.pitch !== undefined) voice = setLine(voice, 'reference_glottal_pitch', opts.pitch, 'voice file')
	if (opts.breathiness !== undefined) voice = setLine(voice, 'breathiness', opts.breathiness, 'voice file')
	fs.writeFile(`${DATA}/voice_edge.txt`, voice)
	let control = fs.readFile(`${DATA}/trm_control_model.txt`, { encoding: 'utf8' })
	control = setLine(control, 'voice_name', 'edge', 'trm_control_model.txt')
	control = setLine(control, 'tempo', opts.tempo, 'trm_control_model.txt')
	fs.writeFile(`${DATA}/trm_control_model.txt`, control)

	const heap = wrapEmscriptenModuleHeap(m)
	const refs = [text, '/out.wav', DATA, '/params.txt'].map(s => heap.allocNullTerminatedUtf8String(s))
	m._GnuSpeech_synthesizeToFile(...refs.map(r => r.address), false)
	refs.forEach(r => r.free())
	const wav = fs.readFile('/out.wav')
	if (wav.length <= 44) throw new Error(`GnuSpeech produced no audio for '${text}'`)

	const sox = spawnSync('sox', ['-R', '-D', '-V1', '-t', 'wav', '-', '-b', '16', '-c', '1', opts.out, 'rate', '-v', '16000'],
		{ input: wav, stdio: ['pipe', 'ignore', 'pipe'] })
	if (sox.error) fail(sox.error.code === 'ENOENT' ? 'sox not found (apt-get install sox)' : sox.error.message)
	if (sox.status !== 0) throw new Error(`sox failed: ${sox.stderr.toString().trim()}`)
}

main().catch(e => {
	process.stderr.write(`gnuspeech: error: ${e.message}\n`)
	process.exit(1)
})
