/*
 * bcryptprimitives.dll for Wine 8, which lacks it: Go 1.22 and later call
 * its ProcessPrng at start-up on Windows. This one asks advapi32's
 * RtlGenRandom (SystemFunction036) instead. Wine 9 and later do not need
 * it. .ci/wine builds it with mingw-w64 and puts it in the Wine prefix.
 */
#include <windows.h>
typedef BOOLEAN (WINAPI *rtlgen)(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    static rtlgen f = NULL;
    if (!f) f = (rtlgen)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!f(data, n)) return FALSE;
        data += n; len -= n;
    }
    return TRUE;
}
