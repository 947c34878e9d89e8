#!/usr/bin/env bash
# Makes the extra negative clips the built-in model is trained with: synthetic speech from espeak-ng
# (several voices, speeds and pitches), written as 16 kHz WAV files with a labels.csv beside them.
#   make-negatives.sh OUT_DIR           (needs espeak-ng: apt-get install espeak-ng)
#   make-negatives.sh OUT_DIR --flite   also 60 sentences of flite's five voices, built from real talkers (needs
#                                       flite: apt-get install flite); the built-in model is trained with them since
#                                       session 13 (docs/REPORT-real-talk.md of the repository)
set -euo pipefail
out="${1:?usage: make-negatives.sh OUT_DIR [--flite]}"
flite_too=false
case "${2:-}" in
  "") ;;
  --flite) flite_too=true ;;
  *) echo "make-negatives.sh: unknown option '$2' (only --flite)" >&2; exit 2 ;;
esac
command -v espeak-ng >/dev/null || { echo "make-negatives.sh: espeak-ng is not installed" >&2; exit 1; }
if $flite_too; then
  command -v flite >/dev/null || { echo "make-negatives.sh: flite is not installed (apt-get install flite)" >&2; exit 1; }
fi
mkdir -p "$out/speech"
sentences=(
  "Good morning, did you sleep well last night?"
  "Can you pass me the remote control please."
  "I will call the doctor after lunch."
  "The weather is supposed to be nice tomorrow."
  "Where did I put my glasses again?"
  "Dinner is ready, come to the kitchen."
  "Let me read you the news from today."
  "Would you like a cup of tea or coffee?"
  "The bus leaves at a quarter past nine."
  "Please remember to take your medicine."
  "One, two, three, four, five, six, seven."
  "Hello? Is anybody there? I am in the living room."
)
voices=(en en-us en-gb-x-rp de fr es it nl pl pt)
echo "file,label" > "$out/labels.csv"
# a synthesised clip $1.tmp.wav → $1 at 16 kHz mono (sox -R: the same dither every run), listed as speech
add_clip() {
  sox -q -R "$out/$1.tmp.wav" -r 16000 -c 1 "$out/$1"
  rm -f "$out/$1.tmp.wav"
  echo "$1,speech" >> "$out/labels.csv"
}
n=0
for v in "${voices[@]}"; do
  for i in "${!sentences[@]}"; do
    if (( (i + n) % 3 != 0 )); then continue; fi
    speed=$(( 130 + (n * 17) % 90 ))
    pitch=$(( 20 + (n * 29) % 70 ))
    variant=$([ $((n % 2)) = 0 ] && echo "+m3" || echo "+f2")
    f="speech/espeak-$v-$i.wav"
    espeak-ng -v "$v$variant" -s "$speed" -p "$pitch" -w "$out/$f.tmp.wav" "${sentences[$i]}"
    add_clip "$f"
    n=$((n + 1))
  done
done
if $flite_too; then
  m=0
  for v in kal16 awb rms slt kal; do
    for i in "${!sentences[@]}"; do
      stretch=$(awk -v m=$m 'BEGIN { printf "%.17g", 0.8 + 0.5 * ((m * 37) % 100) / 100 }')
      f0=$(( 90 + (m * 29) % 120 ))
      f="speech/flite-$v-$i.wav"
      flite -voice "$v" --setf duration_stretch="$stretch" --setf int_f0_target_mean="$f0" -t "${sentences[$i]}" \
        -o "$out/$f.tmp.wav"
      add_clip "$f"
      m=$((m + 1))
    done
  done
  n=$((n + m))
fi
echo "make-negatives.sh: $n speech clips in $out" >&2
