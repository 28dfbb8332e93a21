// The certificate text format: what anpr-keygen writes must read back, files
// from other ZeroMQ tools must be understood, and malformed ones must be
// refused with the line at fault.
#include "common/transport/zcert_format.h"

#include <gtest/gtest.h>

#include "common/transport/transport_error.h"

namespace anpr::transport {
namespace {

const CurveKeyPair kKeys{"rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7", "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6"};

TEST(ZcertFormat, SecretCertificateReadsBack) {
  const auto values = parse_zpl(render_secret_zcert(kKeys));
  EXPECT_EQ(values.at("curve/public-key"), kKeys.public_key);
  EXPECT_EQ(values.at("curve/secret-key"), kKeys.secret_key);
}

TEST(ZcertFormat, PublicCertificateHoldsNoSecret) {
  const auto values = parse_zpl(render_public_zcert(kKeys.public_key));
  EXPECT_EQ(values.at("curve/public-key"), kKeys.public_key);
  EXPECT_EQ(values.count("curve/secret-key"), 0u);
}

TEST(ZcertFormat, ReadsCzmqStyleCertificateWithMetadata) {
  const std::string text =
      "#   ****  Generated on 2024-03-01 10:00:00 by CZMQ  ****\n"
      "#   ZeroMQ CURVE **Secret** Certificate\n"
      "\n"
      "metadata\n"
      "    name = 'edge-riga-1'     # the box\n"
      "    site = border\n"
      "curve\n"
      "    public-key = \"rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7\"\n"
      "    secret-key = \"JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6\"\r\n";
  const auto values = parse_zpl(text);
  EXPECT_EQ(values.at("metadata/name"), "edge-riga-1");
  EXPECT_EQ(values.at("metadata/site"), "border");
  EXPECT_EQ(values.at("curve/secret-key"), kKeys.secret_key);
}

TEST(ZcertFormat, ValueAtTopLevelIsNotInsideCurve) {
  const auto values = parse_zpl("curve\npublic-key = \"x\"\n");
  EXPECT_EQ(values.count("curve/public-key"), 0u);
  EXPECT_EQ(values.at("public-key"), "x");
}

void expect_refused(const std::string& text, const std::string& expected) {
  try {
    parse_zpl(text);
    ADD_FAILURE() << "accepted: " << text;
  } catch (const TransportError& error) {
    EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
  }
}

TEST(ZcertFormat, RefusesMalformedTextNamingTheLine) {
  expect_refused("curve\n  public-key = \"x\"\n", "line 2: indentation is not a multiple of 4");
  expect_refused("curve\n        public-key = \"x\"\n", "line 2: indented deeper than its parent");
  expect_refused("curve\n\tpublic-key = \"x\"\n", "line 2: tab in indentation");
  expect_refused("curve\n    public-key = \"x\n", "line 2: unterminated quoted value");
  expect_refused("curve\n    public-key \"x\"\n", "line 2: expected '='");
  expect_refused("# c\n\n= \"x\"\n", "line 3: expected a name");
}

}  // namespace
}  // namespace anpr::transport
