#!/bin/sh
# Install what jubao needs from Debian 12's packages, and nothing when all is there.
# Without root, print the exact apt-get line instead and fail.
set -eu

# command-or-file  package
NEEDS='
cc                              gcc
make                            make
pkg-config                      pkg-config
/usr/include/stdio.h            libc6-dev
/usr/include/fcgiapp.h          libfcgi-dev
/usr/include/mariadb/mysql.h    libmariadb-dev
/usr/include/libxml2/libxml/tree.h libxml2-dev
/usr/include/libxslt/xslt.h     libxslt1-dev
/usr/include/openssl/evp.h      libssl-dev
/usr/include/seccomp.h          libseccomp-dev
/usr/include/qrencode.h         libqrencode-dev
/usr/include/xlsxwriter.h       libxlsxwriter-dev
/usr/include/zlib.h             zlib1g-dev
mariadbd                        mariadb-server
mariadb                         mariadb-client
/usr/lib/galera/libgalera_smm.so galera-4
rsync                           rsync
lsof                            lsof
nginx                           nginx-light
apache2                         apache2
spawn-fcgi                      spawn-fcgi
multiwatch                      multiwatch
python3                         python3
curl                            curl
exiftool                        libimage-exiftool-perl
wrk                             wrk
zbarimg                         zbar-tools
rsvg-convert                    librsvg2-bin
chromium                        chromium
/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk
node                            nodejs
npm                             npm
'

missing=""
echo "$NEEDS" | while read -r what pkg; do
	[ -n "$what" ] || continue
	case "$what" in
	/*) [ -e "$what" ] || echo "$pkg" ;;
	*)  command -v "$what" >/dev/null 2>&1 || [ -x "/usr/sbin/$what" ] || echo "$pkg" ;;
	esac
done > /tmp/jubao-deps.$$
missing=$(tr '\n' ' ' < /tmp/jubao-deps.$$)
rm -f /tmp/jubao-deps.$$
[ -z "$(echo "$missing" | tr -d ' ')" ] && exit 0

line="apt-get install -y --no-install-recommends $missing"
if [ "$(id -u)" != 0 ]; then
	echo "jubao needs Debian packages that are not installed. As root, run:" >&2
	echo "  apt-get update && $line" >&2
	exit 1
fi
echo "Installing: $missing"
export DEBIAN_FRONTEND=noninteractive
# A package manager run just before may still hold the lock; wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=300 update -q
apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends $missing
