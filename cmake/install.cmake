# Installing gongwen: the library with its public headers, the command line, the XML schemas
# and the indicator catalog, and what another project needs to use it: a CMake package
# (find_package(gongwen) → gongwen::gongwen) and a pkg-config file.
include(CMakePackageConfigHelpers)

set(GONGWEN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/gongwen)
install(TARGETS gongwen EXPORT gongwenTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# A shared libgongwen is found by the installed command line wherever the prefix is.
get_target_property(gongwen_type gongwen TYPE)
if(gongwen_type STREQUAL "SHARED_LIBRARY" AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  file(RELATIVE_PATH gongwen_bin_to_lib /${CMAKE_INSTALL_BINDIR} /${CMAKE_INSTALL_LIBDIR})
  set_target_properties(gongwen_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${gongwen_bin_to_lib}")
endif()
install(TARGETS gongwen_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/gongwen DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES converters/xml/gongwen-document-1.xsd converters/eep/eep-dat48.xsd
        DESTINATION ${CMAKE_INSTALL_DATADIR}/gongwen/schemas)
install(FILES catalog/indicators-v1.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/gongwen/catalog)

install(EXPORT gongwenTargets NAMESPACE gongwen:: DESTINATION ${GONGWEN_CMAKE_DIR})
configure_package_config_file(cmake/gongwen-config.cmake.in ${PROJECT_BINARY_DIR}/gongwen-config.cmake
                              INSTALL_DESTINATION ${GONGWEN_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/gongwen-config-version.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/gongwen-config.cmake ${PROJECT_BINARY_DIR}/gongwen-config-version.cmake
        DESTINATION ${GONGWEN_CMAKE_DIR})

# The .pc file names its prefix relative to itself (${pcfiledir}): `cmake --install --prefix`
# picks the prefix after this file is configured, so a prefix written in now could be wrong.
file(RELATIVE_PATH GONGWEN_PC_UP /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)  # lib/pkgconfig → "../../"
string(REGEX REPLACE "/$" "" GONGWEN_PC_UP "${GONGWEN_PC_UP}")
set(GONGWEN_PC_PREFIX "\${pcfiledir}/${GONGWEN_PC_UP}")
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(GONGWEN_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(GONGWEN_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")  # then the .pc file lies outside the prefix
  set(GONGWEN_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
endif()
# A static libgongwen carries none of its dependencies: `pkg-config --libs gongwen` must name
# them (Requires). A shared one links them itself, and they are needed only for --static.
if(gongwen_type STREQUAL "STATIC_LIBRARY")
  set(GONGWEN_PC_REQUIRES Requires)
else()
  set(GONGWEN_PC_REQUIRES Requires.private)
endif()
configure_file(cmake/gongwen.pc.in ${PROJECT_BINARY_DIR}/gongwen.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/gongwen.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
