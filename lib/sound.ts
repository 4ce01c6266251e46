/** A short tone when a cancel ends (Settings → sound): higher when it went through. */
export function playOutcomeTone(ok: boolean): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = ok ? 880 : 330;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.12);
    tone.onended = () => void audio.close();
  } catch {
    // No audio here (autoplay policy, no device): the outcome is shown anyway.
  }
}
