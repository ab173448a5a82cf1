#pragma once

// Keychain suites re-run themselves through with-keyring.sh (a private session bus with an
// unlocked gnome-keyring in a temporary folder), so `ctest`, scripts/dev.sh and a plain run of
// the binary all test against a real Secret Service without touching the user's keyring.

#include <QtCore/QByteArray>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QtGlobal>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <vector>

namespace ul::test {

/// In the parent: replaces this process with `with-keyring.sh <this binary> <args>` and never
/// returns unless that fails (then returns an exit code). Inside the private keyring: returns -1.
inline int reexecInsidePrivateKeyring(int argc, char *argv[])
{
#ifndef Q_OS_LINUX
    return -1; // elsewhere the platform's own keychain is used as it is
#endif
    if (qEnvironmentVariableIsSet("UL_TEST_KEYRING_HOME"))
        return -1;
    const QByteArray script = QByteArrayLiteral(UL_WITH_KEYRING_SCRIPT);
    std::vector<char *> args;
    args.push_back(const_cast<char *>("/bin/sh"));
    args.push_back(const_cast<char *>(script.constData()));
    for (int i = 0; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    ::execv("/bin/sh", args.data());
    std::perror("could not run with-keyring.sh");
    return 1;
}

/// The temporary folder with-keyring.sh made for this run (the keyring's and the XDG folders).
inline QString privateKeyringHome()
{
    return qEnvironmentVariable("UL_TEST_KEYRING_HOME");
}

} // namespace ul::test
