#!/usr/bin/env bash
# Debian packages `npm test` needs from the system, installed when missing (run as root, or with sudo):
# - chromium: the browser test drives the built task pane in it (Playwright cannot download browsers here);
# - fonts-ipafont-gothic: Japanese text in the pane's screenshots;
# - libreoffice-calc-nogui: the file tests open every written workbook in LibreOffice (soffice --convert-to pdf).
# `npm ci` itself needs nothing from the system.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || need+=(fonts-ipafont-gothic)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
