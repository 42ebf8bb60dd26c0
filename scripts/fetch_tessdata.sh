#!/bin/sh
# Fetch the Vietnamese "best" LSTM model (integerised tessdata_best, from the npm package
# @tesseract.js-data/vie) into data/tessdata, with Tesseract's own osd model beside it.
# Use it with CONGVAN_TESSDATA=data/tessdata (Options.tessdata_dir). It reads better than
# Debian's tesseract-ocr-vie (a tessdata_fast model) but costs about 30% more CPU per page;
# benchmarks/README.md has the numbers.
set -eu
dest="${1:-data/tessdata}"
system_tessdata="${TESSDATA_PREFIX:-$(dirname "$(find /usr/share/tesseract-ocr -name osd.traineddata | head -n 1)")}"
if [ -s "$dest/vie.traineddata" ]; then
    echo "$dest/vie.traineddata already there"
    exit 0
fi
mkdir -p "$dest"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @tesseract.js-data/vie@1.0.0 >/dev/null)
tar -xzf "$work"/tesseract.js-data-vie-*.tgz -C "$work" package/4.0.0_best_int/vie.traineddata.gz
gunzip -c "$work/package/4.0.0_best_int/vie.traineddata.gz" > "$dest/vie.traineddata.part"
mv "$dest/vie.traineddata.part" "$dest/vie.traineddata"
ln -sf "$system_tessdata/osd.traineddata" "$dest/osd.traineddata"
echo "fetched $dest/vie.traineddata (tessdata_best, integer); set CONGVAN_TESSDATA=$dest to use it"
