#!/usr/bin/env bash
# Refresh the pinned front-end builds under heartbeat/static/vendor from the npm registry.
# Running Heartbeat needs no node: the built files are committed with their licences.
set -euo pipefail
DS_VERSION=4.2.0
ROBOTO_VERSION=5.3.0
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENDOR="$ROOT/heartbeat/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "@scottish-government/design-system@$DS_VERSION" "@fontsource/roboto@$ROBOTO_VERSION" >/dev/null
mkdir ds roboto
tar xzf scottish-government-design-system-$DS_VERSION.tgz -C ds
tar xzf fontsource-roboto-$ROBOTO_VERSION.tgz -C roboto

DS="$VENDOR/design-system-$DS_VERSION"
rm -rf "$DS" && mkdir -p "$DS/css" "$DS/scripts" "$DS/images"
# The source map is not shipped, so drop the comment that points at it.
sed -E 's@/\*# sourceMappingURL=[^*]*\*/@@' ds/package/dist/css/design-system.min.css > "$DS/css/design-system.min.css"
cp ds/package/dist/scripts/design-system.js "$DS/scripts/"
cp -r ds/package/dist/images/icons "$DS/images/"
cp ds/package/LICENSE.txt "$DS/LICENSE.txt"

RB="$VENDOR/roboto-$ROBOTO_VERSION"
rm -rf "$RB" && mkdir -p "$RB/files"
cp roboto/package/LICENSE "$RB/LICENSE"
: > "$RB/roboto.css"
for weight in 400 700; do
  cp "roboto/package/files/roboto-latin-$weight-normal.woff2" "$RB/files/"
  cat >> "$RB/roboto.css" <<CSS
@font-face {
  font-family: "Roboto";
  font-style: normal;
  font-display: swap;
  font-weight: $weight;
  src: url("files/roboto-latin-$weight-normal.woff2") format("woff2");
}
CSS
done
echo "Vendored design system $DS_VERSION and Roboto $ROBOTO_VERSION into $VENDOR"
