/* mk-cli-cputime.c: the process's CPU time, which GLib does not offer.
 *
 * The only file of makhzan-cli with a call that is not GLib's: POSIX's
 * CLOCK_PROCESS_CPUTIME_ID where it exists, GetProcessTimes on Windows,
 * and "unknown" elsewhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib.h>

#ifdef G_OS_WIN32
#include <windows.h>
#else
#include <time.h>
#include <unistd.h>
#endif

#include "mk-cli-demo.h"

gint64
mk_cli_cpu_time_us (void)
{
#if defined(G_OS_WIN32)
  FILETIME created, exited, kernel, user;
  ULARGE_INTEGER k, u;

  if (!GetProcessTimes (GetCurrentProcess (), &created, &exited, &kernel, &user))
    return -1;
  k.LowPart = kernel.dwLowDateTime;
  k.HighPart = kernel.dwHighDateTime;
  u.LowPart = user.dwLowDateTime;
  u.HighPart = user.dwHighDateTime;
  /* Units of 100 ns. */
  return (gint64) ((k.QuadPart + u.QuadPart) / 10);
#elif defined(_POSIX_CPUTIME) && _POSIX_CPUTIME >= 0 && defined(CLOCK_PROCESS_CPUTIME_ID)
  struct timespec now;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now) != 0)
    return -1;
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
#else
  return -1;
#endif
}
