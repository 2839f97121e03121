# Installing gongwen: the library with its public headers, the command line, the XML schemas
# and the indicator catalog, and what another project needs to use it: a CMake package
# (find_package(gongwen) → gongwen::gongwen) and a pkg-config file.
include(CMakePackageConfigHelpers)

set(GONGWEN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/gongwen)
install(TARGETS gongwen EXPORT gongwenTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS gongwen_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/gongwen DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES converters/xml/gongwen-document-1.xsd converters/eep/eep-dat48.xsd
        DESTINATION ${CMAKE_INSTALL_DATADIR}/gongwen/schemas)
install(FILES catalog/indicators-v1.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/gongwen/catalog)

install(EXPORT gongwenTargets NAMESPACE gongwen:: DESTINATION ${GONGWEN_CMAKE_DIR})
configure_package_config_file(cmake/gongwen-config.cmake.in ${CMAKE_BINARY_DIR}/gongwen-config.cmake
                              INSTALL_DESTINATION ${GONGWEN_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/gongwen-config-version.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/gongwen-config.cmake ${CMAKE_BINARY_DIR}/gongwen-config-version.cmake
        DESTINATION ${GONGWEN_CMAKE_DIR})

configure_file(cmake/gongwen.pc.in ${CMAKE_BINARY_DIR}/gongwen.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/gongwen.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
