# Sourced by ./tollgate: installs the few Debian packages that tests drive as real programs (for
# example dnsmasq, the DNS server the custom-domain verification is tested against). Quiet and
# idempotent: packages `dpkg -s` reports installed are left alone, so a prepared machine pays
# one dpkg query per package and needs neither root nor network.

# tollgate_os_packages PACKAGE... : apt-get installs those that are missing; fails with a clear
# message when some are missing and we are not root or not on a Debian-like system.
tollgate_os_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg -s "$package" > /dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get > /dev/null 2>&1; then
    echo "Tollgate's tests need these packages: ${missing[*]} (no apt-get here: install them by hand)." >&2
    return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Tollgate's tests need these Debian packages: ${missing[*]}." >&2
    echo "Installing them needs root: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "Installing Debian packages the tests need: ${missing[*]}…"
  # Another apt-get may hold the dpkg lock (a parallel run): wait for it rather than fail.
  # Packages with a service (dnsmasq's would bind port 53 on every interface) must not start it:
  # the tests start their own servers on loopback. A policy-rc.d answering 101 ("action not
  # allowed") is Debian's documented way to keep maintainer scripts from starting services.
  local policy=/usr/sbin/policy-rc.d created_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && created_policy=1
  fi
  local status=0
  { apt-get -qq -o DPkg::Lock::Timeout=600 update && DEBIAN_FRONTEND=noninteractive \
      apt-get -qq -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"; } \
    > /tmp/tollgate-apt.log 2>&1 || status=$?
  [ -z "$created_policy" ] || rm -f "$policy"
  if [ $status -ne 0 ]; then
    echo "apt-get could not install ${missing[*]} (exit $status); its output is in /tmp/tollgate-apt.log." >&2
    return 1
  fi
}
