# Every external package the project builds against, found once here so that
# each part's CMakeLists only names imported targets. All come from Debian 12
# packages installed by `./run deps`.

find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(Protobuf REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(spdlog REQUIRED)
find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs videoio dnn)

pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)
pkg_check_modules(TESSERACT REQUIRED IMPORTED_TARGET tesseract)
pkg_check_modules(ZMQ REQUIRED IMPORTED_TARGET libzmq)
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libavutil libswscale)

# Debian's cppzmq CMake package looks for a ZeroMQConfig.cmake that libzmq3-dev
# does not ship; cppzmq is header-only, so the target is libzmq's pkg-config one.
add_library(cppzmq INTERFACE IMPORTED)
target_link_libraries(cppzmq INTERFACE PkgConfig::ZMQ)

if(ANPR_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
