// Builds the objects `analyze` returns from the packed report that
// src/wasm.rs writes (the layout is documented there, in `Packer`).
// Creating them here, from one Uint32Array view and one string, replaced
// serde-wasm-bindgen's field-by-field calls across the WASM boundary,
// which cost a fifth of analyze() in V8.
const NONE = 0xffffffff;

export function unpack(nums, text) {
  // The string table: lengths in UTF-16 code units, after the records.
  const at = nums[0];
  const strings = new Array(nums[at]);
  for (let i = 0, pos = 0; i < strings.length; i++) {
    const len = nums[at + 1 + i];
    strings[i] = text.slice(pos, pos + len);
    pos += len;
  }
  let p = 1;
  const str = () => { const i = nums[p++]; return i === NONE ? null : strings[i]; };
  const span = () => { const start = nums[p++]; const end = nums[p++]; return start === NONE ? null : { start, end }; };

  const entities = new Array(nums[p++]);
  for (let i = 0; i < entities.length; i++) {
    entities[i] = { start: nums[p++], end: nums[p++], label: str(), canonical: str() };
  }
  const dates = new Array(nums[p++]);
  for (let i = 0; i < dates.length; i++) {
    dates[i] = { start: nums[p++], end: nums[p++], type: str(), value: str() };
  }
  const statements = new Array(nums[p++]);
  for (let i = 0; i < statements.length; i++) {
    const start = nums[p++];
    const end = nums[p++];
    const fragments = new Array(nums[p++]);
    for (let k = 0; k < fragments.length; k++) fragments[k] = [nums[p++], nums[p++]];
    statements[i] = { start, end, fragments, kind: str(), cue: span(), source: span(), source_entity: str() };
  }
  let reference = null;
  if (nums[p++] === 1) reference = { date: str(), origin: str(), span: span() };
  return { entities, dates, statements, reference };
}
